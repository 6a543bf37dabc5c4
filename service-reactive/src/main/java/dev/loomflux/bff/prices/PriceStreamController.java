package dev.loomflux.bff.prices;

import dev.loomflux.domain.prices.PriceStreamQuery;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/prices/stream}: long-lived Server-Sent Events. Invalid ids, unknown
 * products and overload are answered as problem details before the stream starts.
 */
@RestController
class PriceStreamController {

	private final PriceStreamService streams;

	PriceStreamController(PriceStreamService streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/prices/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> streamPrices(@RequestParam(required = false) String ids) {
		return this.streams.open(PriceStreamQuery.parse(ids));
	}

}
