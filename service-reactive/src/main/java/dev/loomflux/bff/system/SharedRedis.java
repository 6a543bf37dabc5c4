package dev.loomflux.bff.system;

import java.time.Duration;
import java.util.Optional;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The one Lettuce connection this service talks to Redis over (Lettuce multiplexes every
 * command of every request over it), opened at start-up and, while Redis does not answer,
 * retried in the background. Once open, Lettuce reconnects by itself, without blocking,
 * whenever Redis comes back. It follows the application's lifecycle: it opens when the
 * application starts (or a paused test context resumes) and closes when it stops, after
 * the web server has drained its requests.
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
 * Why not Spring Data's {@code ReactiveStringRedisTemplate}: it fetches its shared
 * connection under a lock on every command and opens it with a blocking connect on first
 * use, both on the event loop. BlockHound caught both. The client itself is still the one
 * Spring Boot configures (options, resources, metrics).
 */
@Component
public class SharedRedis implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

	private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

	private final LettuceConnectionFactory factory;

	private final DataRedisProperties properties;

	private volatile StatefulRedisConnection<String, String> connection;

	private volatile boolean running;

	private volatile Disposable attempts;

	private final int startUpAttempts;

	SharedRedis(LettuceConnectionFactory factory, DataRedisProperties properties, BffProperties bff) {
		this.factory = factory;
		this.properties = properties;
		this.startUpAttempts = bff.redis().startUpAttempts();
	}

	/** The commands, or empty while the connection has never been opened. */
	public Optional<RedisReactiveCommands<String, String>> commands() {
		StatefulRedisConnection<String, String> open = this.connection;
		return (open != null) ? Optional.of(open.reactive()) : Optional.empty();
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

	/**
	 * Runs on the thread that starts the application (never an event loop), which may
	 * wait for the first attempts.
	 */
	@Override
	public void start() {
		RedisClient client = (RedisClient) this.factory.getNativeClient();
		this.running = true;
		try {
			// up to bff.redis.start-up-attempts attempts, one after the other
			opened(connect(client).retry(this.startUpAttempts - 1L).block());
		}
		catch (RuntimeException ex) {
			this.attempts = connect(client).retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RETRY_EVERY))
				.delaySubscription(RETRY_EVERY)
				.subscribe(this::opened);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.attempts != null) {
			this.attempts.dispose();
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

	/**
	 * One attempt per subscription (each retry resubscribes and so connects anew), its
	 * failure logged at debug.
	 */
	private Mono<StatefulRedisConnection<String, String>> connect(RedisClient client) {
		return Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, RedisUris.of(this.properties)))
			.doOnError((ex) -> log.debug("Redis not reachable yet: {}", ex.toString()));
	}

	private void opened(StatefulRedisConnection<String, String> connection) {
		this.connection = connection;
		log.info("Redis connection open");
	}

}
