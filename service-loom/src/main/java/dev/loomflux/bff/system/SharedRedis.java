package dev.loomflux.bff.system;

import java.time.Duration;
import java.util.Optional;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The one Lettuce connection this service talks to Redis over (Lettuce multiplexes every
 * command of every request over it), opened at start-up and, while Redis does not answer,
 * retried in the background. Once open, Lettuce reconnects by itself whenever Redis comes
 * back. It follows the application's lifecycle: it opens when the application starts (or
 * a paused test context resumes) and closes when it stops, after the web server has
 * drained its requests.
 * <p>
 * The first attempts are made during start-up, before the web server takes requests, so a
 * service that reports ready has its connection whenever Redis is up. Made in the
 * background only, it opened 0.7-3 s after readiness on a busy machine, and an order
 * placed in between kept its products in the cart (its cleanup found no connection: the
 * likely cause of GracefulShutdownParityTest's one failure in CI). One attempt was not
 * enough either: a cold JVM's first can outlast the 250 ms connect timeout on a busy
 * machine ({@code bff.redis.start-up-attempts}). Only when Redis answers none of them
 * does the service become ready without it; the attempts then go on in the background.
 * <p>
 * The same as service-reactive, which cannot use Spring Data's template (it fetches its
 * shared connection under a lock on every command, on the event loop): both services use
 * Lettuce's own API over one connection, synchronous here, reactive there. The client
 * itself is still the one Spring Boot configures (options, resources, metrics).
 */
@Component
public class SharedRedis implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

	private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

	private final LettuceConnectionFactory factory;

	private final DataRedisProperties properties;

	private volatile StatefulRedisConnection<String, String> connection;

	private volatile boolean running;

	private volatile Thread attempts;

	private final int startUpAttempts;

	SharedRedis(LettuceConnectionFactory factory, DataRedisProperties properties, BffProperties bff) {
		this.factory = factory;
		this.properties = properties;
		this.startUpAttempts = bff.redis().startUpAttempts();
	}

	/** The commands, or empty while the connection has never been opened. */
	public Optional<RedisCommands<String, String>> commands() {
		StatefulRedisConnection<String, String> open = this.connection;
		return (open != null) ? Optional.of(open.sync()) : Optional.empty();
	}

	/** Just after the connection factory (phase 0) starts, just before it stops. */
	@Override
	public int getPhase() {
		return 1;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void start() {
		RedisClient client = (RedisClient) this.factory.getNativeClient();
		this.running = true;
		if (!openAtStartUp(client)) {
			this.attempts = Thread.ofVirtual().name("redis-connect").start(() -> {
				while (pause() && !tryConnect(client)) {
					// until the connection is open or the application stops
				}
			});
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.attempts != null) {
			this.attempts.interrupt();
			this.attempts = null;
		}
		if (this.connection != null) {
			// closed before the connection factory (phase 0) shuts the client down, which
			// would otherwise close it a second time ("Connection is already closed")
			this.connection.close();
			this.connection = null;
			log.info("Redis connection closed");
		}
	}

	/** Up to {@code bff.redis.start-up-attempts} attempts, one after the other. */
	private boolean openAtStartUp(RedisClient client) {
		for (int attempt = 0; attempt < this.startUpAttempts; attempt++) {
			if (tryConnect(client)) {
				return true;
			}
		}
		return false;
	}

	private boolean tryConnect(RedisClient client) {
		try {
			this.connection = client.connect(StringCodec.UTF8, RedisUris.of(this.properties));
			log.info("Redis connection open");
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Redis not reachable yet: {}", ex.toString());
			return false;
		}
	}

	/** Whether it waited {@link #RETRY_EVERY}, rather than being stopped. */
	private static boolean pause() {
		try {
			Thread.sleep(RETRY_EVERY);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
