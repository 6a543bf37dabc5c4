package dev.loomflux.bff.system;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

import org.springframework.context.annotation.Configuration;

/**
 * Reactor logs an error that arrives after its sequence has ended (a "dropped" error) at
 * ERROR, with no request in sight. Reactor Netty drops one whenever a client resets its
 * connection in the middle of a request body: the body has already failed with that reset
 * (and {@code ApiExceptionHandler} logged the gone client at debug), then the same reset
 * arrives once more. A client that went away is no failure of this service, and
 * service-loom does not log it either: such an error is logged at debug, any other
 * dropped error still at ERROR.
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

	private static void dropped(Throwable error) {
		if (ApiExceptionHandler.isDisconnected(error)) {
			log.debug("Client gone (error dropped after its request ended): {}", error.toString());
		}
		else {
			log.error("Error dropped after its sequence ended", error);
		}
	}

}
