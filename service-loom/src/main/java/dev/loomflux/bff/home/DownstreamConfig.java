package dev.loomflux.bff.home;

import java.time.Duration;

import dev.loomflux.bff.system.BffProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
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
 * a connection waited for longer than that also fails the call. Each endpoint also gets
 * its own circuit breaker, the blocking flavour of Resilience4j around each call.
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
			CircuitBreakerRegistry downstreamBreakers, BffProperties properties) {
		BffProperties.Downstream downstream = properties.downstream();
		return new DownstreamClient(client(builder, connections, downstream.url(), downstream.recommendationsTimeout()),
				downstreamBreakers.circuitBreaker("recommendations"),
				client(builder, connections, downstream.url(), downstream.promotionsTimeout()),
				downstreamBreakers.circuitBreaker("promotions"), properties.home().recommendations());
	}

	/**
	 * One breaker per endpoint, both from the shared
	 * {@code bff.downstream.circuit-breaker} settings. Every exception is a failure (an
	 * error answer, a timeout, a connection not had in time). The window is lock-free
	 * rather than guarded by a lock, which every call of every request would take. An
	 * open breaker refuses thousands of calls a second: their exceptions carry no stack
	 * trace, which would say nothing.
	 */
	@Bean
	CircuitBreakerRegistry downstreamBreakers(BffProperties properties) {
		BffProperties.Downstream.CircuitBreaker breaker = properties.downstream().circuitBreaker();
		return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindow(breaker.slidingWindowSize(), breaker.minimumNumberOfCalls(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED,
					CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
			.writableStackTraceEnabled(false)
			.build());
	}

	/**
	 * {@code resilience4j_circuitbreaker_state{name, state}} and the breakers' call
	 * counters on /actuator/prometheus (Boot binds every MeterBinder bean).
	 */
	@Bean
	TaggedCircuitBreakerMetrics downstreamBreakerMetrics(CircuitBreakerRegistry downstreamBreakers) {
		return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(downstreamBreakers);
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
