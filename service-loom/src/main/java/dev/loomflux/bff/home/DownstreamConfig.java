package dev.loomflux.bff.home;

import java.time.Duration;

import dev.loomflux.bff.system.BffProperties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients to the downstream services: Apache HttpClient 5 (classic, blocking I/O,
 * which is what a virtual thread wants) over one bounded connection pool, the same size
 * as service-reactive's Reactor Netty pool. Each endpoint gets its own response timeout;
 * a connection waited for longer than that also fails the call.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamConfig {

	@Bean(destroyMethod = "close")
	PoolingHttpClientConnectionManager downstreamConnections(BffProperties properties) {
		BffProperties.Downstream downstream = properties.downstream();
		return PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(downstream.maxConnections())
			.setMaxConnPerRoute(downstream.maxConnections())
			.setDefaultConnectionConfig(
					ConnectionConfig.custom().setConnectTimeout(Timeout.of(downstream.connectTimeout())).build())
			.build();
	}

	@Bean
	DownstreamClient downstreamClient(RestClient.Builder builder, PoolingHttpClientConnectionManager connections,
			BffProperties properties) {
		BffProperties.Downstream downstream = properties.downstream();
		return new DownstreamClient(client(builder, connections, downstream.url(), downstream.recommendationsTimeout()),
				client(builder, connections, downstream.url(), downstream.promotionsTimeout()),
				properties.home().recommendations());
	}

	private static RestClient client(RestClient.Builder builder, PoolingHttpClientConnectionManager connections,
			String url, Duration timeout) {
		var http = HttpClients.custom()
			.setConnectionManager(connections)
			.setConnectionManagerShared(true)
			.disableAutomaticRetries()
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(timeout))
				.setConnectionRequestTimeout(Timeout.of(timeout))
				.build())
			.build();
		return builder.clone().baseUrl(url).requestFactory(new HttpComponentsClientHttpRequestFactory(http)).build();
	}

}
