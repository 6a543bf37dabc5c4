package dev.loomflux.bff.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the Flyway migrations on a thread of their own while the rest of the application
 * context is built, instead of holding up the main thread: on a migrated database they
 * only validate, but Flyway configuring itself (with Jackson 2) and talking to PostgreSQL
 * was one of the larger items of the start-up (docs/startup.md).
 * <p>
 * Nothing is served before they are done: {@link #start()} waits for them in lifecycle
 * phase 0, before the web servers start (Spring Boot starts them in its last phases), so
 * no request and no test meets a database that is not migrated yet, and a failed
 * migration still fails the start. The same in both services.
 */
@Component
class Migrations implements FlywayMigrationStrategy, SmartLifecycle {

	private volatile CompletableFuture<Void> migration;

	private volatile boolean running;

	/** Called by Spring Boot's Flyway initializer, where it would migrate itself. */
	@Override
	public void migrate(Flyway flyway) {
		this.migration = CompletableFuture.runAsync(flyway::migrate,
				Thread.ofPlatform().name("flyway-migrate").daemon()::start);
	}

	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void start() {
		CompletableFuture<Void> started = this.migration;
		if (started != null) {
			try {
				started.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the database migrations", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Database migration failed", ex.getCause());
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
