package dev.loomflux.bff.system;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;

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

}
