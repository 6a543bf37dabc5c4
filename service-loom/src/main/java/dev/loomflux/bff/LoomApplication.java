package dev.loomflux.bff;

import dev.loomflux.domain.system.FlightRecorderWarmUp;
import dev.loomflux.domain.system.NioTransport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * service-loom: the storefront BFF as plain blocking code. Each request runs on its own
 * virtual thread ({@code spring.threads.virtual.enabled=true}); when it waits on
 * PostgreSQL, Redis or a downstream service, the JDK unmounts it and the carrier thread
 * serves another request. The {@code platform} profile runs the same code on Tomcat's
 * pool of platform threads instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LoomApplication {

	public static void main(String[] args) {
		// before any Netty class loads: epoll left requests unread (NioTransport)
		NioTransport.prefer();
		// in parallel with the start-up instead of in the middle of it (docs/startup.md)
		FlightRecorderWarmUp.startInBackground();
		SpringApplication.run(LoomApplication.class, args);
	}

}
