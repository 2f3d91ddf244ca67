package org.unionreports.portal.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * A number that moves whenever the data that pages show may have changed, so that what was computed from
 * the data before can be recognised as old. It moves
 * <ul>
 * <li>when a write transaction of this portal commits (at once, before the next request of the writer), and</li>
 * <li>when PostgreSQL announces a committed change on {@code portal_data_changed} (migration V6), which
 * covers the other portal instances and writes made outside the portal.</li>
 * </ul>
 * While the listening connection is down (the database is away) there is no version, and nothing may be
 * taken from a cache: pages are computed afresh until it is back.
 */
@Component
public class DataChanges implements SmartLifecycle, TransactionExecutionListener {

	static final String CHANNEL = "portal_data_changed";

	private static final long KEEP_ALIVE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

	private static final Logger log = LoggerFactory.getLogger(DataChanges.class);

	private final DataSource dataSource;

	private final boolean caching;

	private final AtomicLong version = new AtomicLong();

	private volatile boolean listening;

	private volatile boolean running;

	private Thread listener;

	DataChanges(DataSource dataSource, CacheSettings settings) {
		this.dataSource = dataSource;
		this.caching = settings.dataCache();
	}

	/**
	 * The current version; empty while changes cannot be heard, or with {@code portal.data-cache=false}
	 * (for measuring), when nothing may be taken from a cache.
	 */
	public OptionalLong version() {
		return this.caching && this.listening ? OptionalLong.of(this.version.get()) : OptionalLong.empty();
	}

	/**
	 * Services whose writes never change what pages show (the security record, users): their commits,
	 * which anyone can cause by failing to sign in, must not empty the caches.
	 */
	private static final List<String> UNRELATED = List.of("org.unionreports.portal.audit.",
			"org.unionreports.portal.identity.");

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable failure) {
		String name = transaction.getTransactionName();
		if (failure == null && !transaction.isReadOnly()
				&& (name == null || UNRELATED.stream().noneMatch(name::startsWith))) {
			this.version.incrementAndGet();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "data-changes");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.listening = false;
		if (this.listener != null) {
			this.listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.version.incrementAndGet();
				this.listening = true;
				long lastCheck = System.nanoTime();
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1_000);
					if (notifications != null && notifications.length > 0) {
						this.version.incrementAndGet();
					}
					// Waiting only reads: a connection that died quietly would never say so. Ask it now and then.
					if (System.nanoTime() - lastCheck > KEEP_ALIVE_NANOS) {
						try (Statement statement = connection.createStatement()) {
							statement.execute("select 1");
						}
						lastCheck = System.nanoTime();
					}
				}
			}
			catch (SQLException ex) {
				if (this.listening) {
					log.warn("Lost the database connection that hears of data changes; caching is off until it is back: {}",
							ex.getMessage());
				}
				this.listening = false;
				this.version.incrementAndGet();
				pause();
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
