package dev.loomflux.bff.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce settings, identical in both services. Redis is a cache here, so a command must
 * fail fast when Redis is away rather than wait: with Lettuce's default, commands issued
 * while disconnected queue until the connection returns or the command timeout expires,
 * and every product read would stall for that long. Rejecting them lets the read fall
 * back to PostgreSQL at once, while Lettuce keeps reconnecting in the background so the
 * cache comes back by itself.
 * <p>
 * Lettuce's reconnection pauses double up to 30 s by default: after a minute without
 * Redis, the service would go on without its cache (and every cart) for up to half a
 * minute after Redis returned. The pauses are capped at
 * {@code bff.redis.reconnect-max-delay} instead.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

	@Bean
	LettuceClientConfigurationBuilderCustomizer failFastWhenRedisIsDown(DataRedisProperties properties) {
		return (builder) -> builder.clientOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(properties.getConnectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled(properties.getTimeout()))
			.build());
	}

	@Bean
	ClientResourcesBuilderCustomizer reconnectSoonAfterRedisReturns(BffProperties properties) {
		return (builder) -> builder.reconnectDelay(Delay.exponential(Duration.ofMillis(10),
				properties.redis().reconnectMaxDelay(), 2, TimeUnit.MILLISECONDS));
	}

}
