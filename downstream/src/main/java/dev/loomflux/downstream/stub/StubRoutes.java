package dev.loomflux.downstream.stub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.loomflux.downstream.behaviour.Behaviour;
import dev.loomflux.downstream.behaviour.Behaviours;
import dev.loomflux.downstream.behaviour.Calls;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /recommendations/{customerId}?limit=} and
 * {@code GET /promotions?productIds=}. Every wait is a timer ({@code Mono.delay}) on
 * Reactor's parallel scheduler: a slow answer holds no thread, only a connection, so the
 * stub is never the bottleneck of an experiment.
 */
@Configuration(proxyBeanMethods = false)
class StubRoutes {

	private final Behaviours behaviours;

	private final Calls calls;

	private final JsonMapper json;

	StubRoutes(Behaviours behaviours, Calls calls, JsonMapper json) {
		this.behaviours = behaviours;
		this.calls = calls;
		this.json = json;
	}

	@Bean
	RouterFunction<ServerResponse> stub() {
		return route().GET("/recommendations/{customerId}", this::recommendations)
			.GET("/promotions", this::promotions)
			.build();
	}

	private Mono<ServerResponse> recommendations(ServerRequest request) {
		long customerId;
		int limit;
		try {
			customerId = Long.parseLong(request.pathVariable("customerId"));
			limit = Integer.parseInt(request.queryParam("limit").orElse("5"));
		}
		catch (NumberFormatException ex) {
			return ServerResponse.badRequest().build();
		}
		if (customerId <= 0 || limit < 1 || limit > StubAnswers.MAX_RECOMMENDATIONS) {
			return ServerResponse.badRequest().build();
		}
		return answer("recommendations", StubAnswers.recommendations(customerId, limit));
	}

	private Mono<ServerResponse> promotions(ServerRequest request) {
		List<Long> ids = new ArrayList<>();
		try {
			for (String id : request.queryParam("productIds").orElse("").split(",")) {
				if (!id.isBlank()) {
					ids.add(Long.parseLong(id.trim()));
				}
			}
		}
		catch (NumberFormatException ex) {
			return ServerResponse.badRequest().build();
		}
		if (ids.size() > StubAnswers.MAX_PROMOTION_QUERY) {
			return ServerResponse.badRequest().build();
		}
		return answer("promotions", StubAnswers.promotions(ids));
	}

	private Mono<ServerResponse> answer(String endpoint, Object body) {
		this.calls.received(endpoint);
		Behaviour behaviour = this.behaviours.of(endpoint);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Mono<Long> wait = Mono.delay(behaviour.delay(random));
		return switch (behaviour.outcome(random)) {
			case ERROR -> wait.then(ServerResponse.status(503).build());
			case HANG -> Mono.never();
			case SLOW_BODY -> wait.then(ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromDataBuffers(trickle(body, behaviour))));
			case NORMAL -> wait.then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body));
		};
	}

	/** The body in two halves, the second {@code slowBody} after the first. */
	private Flux<DataBuffer> trickle(Object body, Behaviour behaviour) {
		byte[] bytes = this.json.writeValueAsBytes(body);
		int half = bytes.length / 2;
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		return Flux.<DataBuffer>just(buffers.wrap(Arrays.copyOfRange(bytes, 0, half)))
			.concatWith(Mono.delay(behaviour.slowBody())
				.map((tick) -> (DataBuffer) buffers.wrap(Arrays.copyOfRange(bytes, half, bytes.length))));
	}

}
