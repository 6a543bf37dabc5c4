package dev.loomflux.bff.home;

import java.time.Duration;

import dev.loomflux.bff.system.BffProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
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
 * (like HttpClient 5's pool, the waiters are bounded in time, not in number). Each
 * endpoint also gets its own circuit breaker, the Reactor operator of Resilience4j on
 * each call.
 * <p>
 * Reactor Netty's own client and pool meters stay off: they time every call and every
 * wait for a connection, per-request work service-loom's Apache HttpClient has no
 * counterpart of (MeterParityTest). The {@code http_client_requests_seconds} histogram
 * that the dashboard compares with service-loom comes from the WebClient's observation,
 * as service-loom's comes from its RestClient's.
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
			CircuitBreakerRegistry downstreamBreakers, BffProperties properties) {
		BffProperties.Downstream downstream = properties.downstream();
		return new DownstreamClient(client(builder, connections, downstream, downstream.recommendationsTimeout()),
				downstreamBreakers.circuitBreaker("recommendations"),
				client(builder, connections, downstream, downstream.promotionsTimeout()),
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

	private static WebClient client(WebClient.Builder builder, ConnectionProvider connections,
			BffProperties.Downstream downstream, Duration timeout) {
		HttpClient http = HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) downstream.connectTimeout().toMillis())
			.responseTimeout(timeout);
		return builder.clone().baseUrl(downstream.url()).clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
