package dev.loomflux.bff.system;

import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Reactor logs an error that arrives after its sequence has ended (a "dropped" error) at
 * ERROR, with no request in sight. service-loom has no such hook and needs no twin of
 * this class: a blocking call's failure reaches its caller or ends with it, never after.
 * Two kinds are no failure of this service, and service-loom does not log either, so they
 * are logged at debug and any other dropped error still at ERROR:
 * <ul>
 * <li>a client that went away: Reactor Netty drops one whenever a client resets its
 * connection in the middle of a request body: the body has already failed with that reset
 * (and {@code ApiExceptionHandler} logged the gone client at debug), then the same reset
 * arrives once more;</li>
 * <li>a downstream call its caller gave up on: when the home page's deadline cancels a
 * call to the recommendation or promotion service, what the call reports afterwards (its
 * response timeout, its connection closed early, the refusal of a response body to a
 * cancelled call) has nobody left to tell; the page had already degraded the section (a
 * full comparison run on the night of 6 December logged 15 such stack traces at ERROR in
 * the overloaded steps of service-reactive and reactive-inline).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DroppedErrorsConfig {

	private static final Logger log = LoggerFactory.getLogger(DroppedErrorsConfig.class);

	/**
	 * Reactor's hooks are global and add up: one per JVM, however many contexts start.
	 */
	private static final AtomicBoolean installed = new AtomicBoolean();

	DroppedErrorsConfig() {
		if (installed.compareAndSet(false, true)) {
			Hooks.onErrorDropped(DroppedErrorsConfig::dropped);
		}
	}

	static void dropped(Throwable error) {
		if (ApiExceptionHandler.isDisconnected(error)) {
			log.debug("Client gone (error dropped after its request ended): {}", error.toString());
		}
		else if (isAbandonedCall(error)) {
			log.debug("Downstream call ended after its caller gave up (error dropped): {}", error.toString());
		}
		else {
			log.error("Error dropped after its sequence ended", error);
		}
	}

	/**
	 * What a cancelled downstream call may still report: any WebClient error (a dropped
	 * one had no subscriber left: its response timeout, "Connection prematurely closed
	 * BEFORE response"), Netty's read timeout, or the refusal of a response body to a
	 * call already cancelled, as Spring's WebClient ("released already due to
	 * cancellation") and Reactor Netty ("Rejecting additional inbound receiver", its
	 * state "cancelled=true") word it.
	 */
	static boolean isAbandonedCall(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebClientException || cause instanceof ReadTimeoutException) {
				return true;
			}
			if (cause instanceof IllegalStateException && cause.getMessage() != null
					&& (cause.getMessage().contains("released already due to cancellation")
							|| cause.getMessage().contains("cancelled=true"))) {
				return true;
			}
		}
		return false;
	}

}
