package dev.loomflux.bff.home;

import java.time.Duration;

import dev.loomflux.bff.system.BffProperties;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * HTTP clients to the downstream services: Reactor Netty over one bounded connection
 * pool, the same size as service-loom's Apache HttpClient pool. Each endpoint gets its
 * own response timeout; a connection waited for longer than that also fails the call
 * (like HttpClient 5's pool, the waiters are bounded in time, not in number).
 */
@Configuration(proxyBeanMethods = false)
class DownstreamConfig {

	@Bean(destroyMethod = "dispose")
	ConnectionProvider downstreamConnections(BffProperties properties) {
		BffProperties.Downstream downstream = properties.downstream();
		return ConnectionProvider.builder("downstream")
			.maxConnections(downstream.maxConnections())
			.pendingAcquireTimeout(downstream.recommendationsTimeout().compareTo(downstream.promotionsTimeout()) > 0
					? downstream.recommendationsTimeout() : downstream.promotionsTimeout())
			.pendingAcquireMaxCount(-1)
			.build();
	}

	@Bean
	DownstreamClient downstreamClient(WebClient.Builder builder, ConnectionProvider connections,
			BffProperties properties) {
		BffProperties.Downstream downstream = properties.downstream();
		return new DownstreamClient(client(builder, connections, downstream, downstream.recommendationsTimeout()),
				client(builder, connections, downstream, downstream.promotionsTimeout()),
				properties.home().recommendations());
	}

	private static WebClient client(WebClient.Builder builder, ConnectionProvider connections,
			BffProperties.Downstream downstream, Duration timeout) {
		HttpClient http = HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) downstream.connectTimeout().toMillis())
			.responseTimeout(timeout);
		return builder.clone().baseUrl(downstream.url()).clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
