package dev.loomflux.bff.system;

import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which dropped errors are logged at ERROR: the kinds a full comparison run logged so in
 * service-reactive's overloaded steps are not; anything else still is.
 */
class DroppedErrorsConfigTest {

	private final Logger logger = (Logger) LoggerFactory.getLogger(DroppedErrorsConfig.class);

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private Level level;

	/** Only to the list: the console would show the ERRORs asked for as failures. */
	@BeforeEach
	void listen() {
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.logger.setAdditive(false);
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void stopListening() {
		this.logger.detachAppender(this.events);
		this.logger.setAdditive(true);
		this.logger.setLevel(this.level);
	}

	@Test
	void shouldLogACallItsCallerGaveUpOnAtDebug() {
		List<Throwable> abandoned = List.of(
				new WebClientRequestException(ReadTimeoutException.INSTANCE, HttpMethod.GET,
						URI.create("http://127.0.0.1:46563/promotions"), new HttpHeaders()),
				new WebClientRequestException(new IOException("Connection prematurely closed BEFORE response"),
						HttpMethod.GET, URI.create("http://127.0.0.1:46563/promotions"), new HttpHeaders()),
				new IllegalStateException("The client response body has been released already due to cancellation."),
				new IllegalStateException("Rejecting additional inbound receiver. "
						+ "State=[terminated=false, cancelled=true, pending=0, error=false]"));
		abandoned.forEach(DroppedErrorsConfig::dropped);
		assertThat(this.events.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.DEBUG).hasSize(4);
		assertThat(this.events.list).extracting(ILoggingEvent::getFormattedMessage)
			.allMatch((message) -> message.startsWith("Downstream call ended after its caller gave up"));
	}

	@Test
	void shouldLogAGoneClientAtDebug() {
		DroppedErrorsConfig.dropped(new SocketException("Connection reset"));
		assertThat(this.events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG);
	}

	@Test
	void shouldLogAnyOtherDroppedErrorAtError() {
		DroppedErrorsConfig.dropped(new IOException("disk full"));
		DroppedErrorsConfig.dropped(new IllegalStateException("Rejecting additional inbound receiver. "
				+ "State=[terminated=false, cancelled=false, pending=0, error=false]"));
		assertThat(this.events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.ERROR);
	}

}
