package dev.loomflux.bff;

import dev.loomflux.domain.system.FlightRecorderWarmUp;
import dev.loomflux.domain.system.NioTransport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * service-reactive: the storefront BFF as a Reactor composition on Reactor Netty's event
 * loop (one loop thread per core). A request waiting on PostgreSQL, Redis or a downstream
 * service holds no thread at all: its continuation runs on a loop thread when the answer
 * arrives. Nothing on the loop may block; BlockHound fails the tests if anything does.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReactiveApplication {

	public static void main(String[] args) {
		// before any Netty class loads: epoll left requests unread (NioTransport)
		NioTransport.prefer();
		// in parallel with the start-up instead of in the middle of it (docs/startup.md)
		FlightRecorderWarmUp.startInBackground();
		SpringApplication.run(ReactiveApplication.class, args);
	}

}
