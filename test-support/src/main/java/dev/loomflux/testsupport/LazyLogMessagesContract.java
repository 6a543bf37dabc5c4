package dev.loomflux.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring logs through the Commons Logging API, and its code (Spring Security's request
 * matchers among it) passes lazily formatted messages ({@code LogMessage}) to
 * {@code trace} and {@code debug} without asking first whether the level is on. Apache
 * Commons Logging 1.3's SLF4J bridge, which Spring Framework 7 brings, renders every such
 * message before SLF4J drops it: a {@code String.format} per matcher per request for
 * nothing. Every module that runs Spring therefore takes SLF4J's own bridge
 * ({@code jcl-over-slf4j}, which checks the level first) in its place (the root POM;
 * docs/comparison.md, "Where the services' cost over their floors went"). Each of those
 * modules extends this test, so its class path is checked, not a copy of it.
 */
public abstract class LazyLogMessagesContract {

	@Test
	void shouldRenderAMessageOnlyAtALevelThatIsOn() {
		Log log = LogFactory.getLog(LazyLogMessagesContract.class);
		AtomicInteger renderings = new AtomicInteger();
		Object message = new Object() {
			@Override
			public String toString() {
				renderings.incrementAndGet();
				return "rendered";
			}
		};

		assertThat(log.isDebugEnabled()).as("debug is off by default").isFalse();
		log.trace(message);
		log.debug(message);
		assertThat(renderings).as("messages rendered below the level").hasValue(0);

		log.info(message);
		assertThat(renderings).as("a message rendered at a level that is on").hasValue(1);
	}

}
