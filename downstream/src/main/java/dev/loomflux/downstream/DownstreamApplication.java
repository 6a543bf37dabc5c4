package dev.loomflux.downstream;

import dev.loomflux.domain.system.NioTransport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The downstream stub: stands in for the recommendation and promotion services the BFF
 * calls. Answers are deterministic functions of the request; latency and faults are set
 * per endpoint at start-up ({@code downstream.endpoints.*}) and changed at run time
 * through {@code /admin}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DownstreamApplication {

	public static void main(String[] args) {
		// before any Netty class loads: epoll left requests unread (NioTransport)
		NioTransport.prefer();
		SpringApplication.run(DownstreamApplication.class, args);
	}

}
