package dev.loomflux.bff.system;

import io.lettuce.core.RedisURI;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

/** The standard {@code spring.data.redis.*} properties as a Lettuce URI. */
final class RedisUris {

	private RedisUris() {
	}

	static RedisURI of(DataRedisProperties properties) {
		RedisURI.Builder uri = (properties.getUrl() != null) ? RedisURI.builder(RedisURI.create(properties.getUrl()))
				: RedisURI.builder().withHost(properties.getHost()).withPort(properties.getPort());
		uri.withDatabase(properties.getDatabase()).withSsl(properties.getSsl().isEnabled());
		if (properties.getPassword() != null) {
			if (properties.getUsername() != null) {
				uri.withAuthentication(properties.getUsername(), properties.getPassword());
			}
			else {
				uri.withPassword(properties.getPassword().toCharArray());
			}
		}
		if (properties.getTimeout() != null) {
			uri.withTimeout(properties.getTimeout());
		}
		return uri.build();
	}

}
