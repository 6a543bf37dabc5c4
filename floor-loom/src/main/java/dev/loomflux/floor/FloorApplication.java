package dev.loomflux.floor;

import java.io.IOException;
import java.time.Duration;

import dev.loomflux.domain.system.BareManagementPort;
import dev.loomflux.domain.system.NioTransport;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * floor-loom: the least service-loom's stack does to answer a cached product read
 * (docs/comparison.md, "The floors"). Spring MVC on Tomcat, each request on a virtual
 * thread, one synchronous Lettuce connection to Redis; the cached JSON goes out as the
 * bytes Redis holds. The same JVM flags and Redis as the service, and its management port
 * answers the launcher's readiness probe and the comparison's scrape without the
 * actuator.
 */
@SpringBootApplication
public class FloorApplication {

	public static void main(String[] args) {
		// the services' transport (NioTransport), so that the floor differs only in what
		// it leaves out
		NioTransport.prefer();
		SpringApplication.run(FloorApplication.class, args);
	}

	@Bean(destroyMethod = "shutdown")
	RedisClient redisClient(@Value("${spring.data.redis.host:localhost}") String host,
			@Value("${spring.data.redis.port:6379}") int port, @Value("${spring.data.redis.database:0}") int database,
			@Value("${spring.data.redis.timeout:2s}") Duration timeout) {
		return RedisClient.create(
				RedisURI.builder().withHost(host).withPort(port).withDatabase(database).withTimeout(timeout).build());
	}

	/** Keys as text, values as the bytes Redis holds: nothing decoded on the way out. */
	@Bean(destroyMethod = "close")
	StatefulRedisConnection<String, byte[]> redisConnection(RedisClient client) {
		return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
	}

	@Bean(destroyMethod = "close")
	BareManagementPort managementPort(@Value("${management.server.port:0}") int port) throws IOException {
		return BareManagementPort.open(port);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> readyOnceStarted(BareManagementPort managementPort) {
		return (event) -> managementPort.ready();
	}

}
