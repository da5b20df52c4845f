package dev.storekeeper.platform.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the nodes of one installation tell each other that a cache's contents changed:
 * PostgreSQL's {@code LISTEN/NOTIFY}, Redis pub/sub, or nothing for a single node.
 * Messages may be lost (a node restarting, a connection dropping): the caches' time to
 * live bounds what a lost one costs, and a listener that reconnects forgets everything it
 * had cached.
 */
interface InvalidationChannel extends AutoCloseable {

	String NAME = "storekeeper_invalidations";

	/** Sends a message to every node listening, this one included. */
	void publish(String message);

	/**
	 * Starts listening: {@code received} gets each message, {@code gap} runs whenever
	 * messages may have been missed (on each new connection).
	 */
	void listen(Consumer<String> received, Runnable gap);

	/** Whether messages reach other nodes at all. */
	default boolean reachesOthers() {
		return true;
	}

	@Override
	void close();

	/** One node (embedded H2): its own changes are all there is. */
	final class Local implements InvalidationChannel {

		@Override
		public void publish(String message) {
		}

		@Override
		public void listen(Consumer<String> received, Runnable gap) {
		}

		@Override
		public boolean reachesOthers() {
			return false;
		}

		@Override
		public void close() {
		}

	}

	/**
	 * PostgreSQL's {@code NOTIFY}, sent once the change has committed, and {@code LISTEN}
	 * on a connection of its own outside the pool, read on a daemon thread that waits for
	 * notifications a moment at a time.
	 */
	final class Postgres implements InvalidationChannel {

		private static final Logger log = LoggerFactory.getLogger(Postgres.class);

		private static final int WAIT_MILLIS = 500;

		/** How often an idle listening connection checks that it is still connected. */
		private static final Duration CHECK = Duration.ofSeconds(30);

		private final String url;

		private final Properties credentials;

		private volatile boolean running = true;

		private @Nullable Connection sending;

		private @Nullable Thread listener;

		Postgres(String url, @Nullable String user, @Nullable String password) {
			this.url = url;
			this.credentials = new Properties();
			if (user != null) {
				this.credentials.setProperty("user", user);
			}
			if (password != null) {
				this.credentials.setProperty("password", password);
			}
			this.credentials.setProperty("ApplicationName", "storekeeper-invalidations");
		}

		@Override
		public synchronized void publish(String message) {
			try {
				if (this.sending == null || !this.sending.isValid(5)) {
					closeQuietly(this.sending);
					this.sending = DriverManager.getConnection(this.url, this.credentials);
				}
				try (PreparedStatement statement = this.sending.prepareStatement("select pg_notify(?, ?)")) {
					statement.setString(1, NAME);
					statement.setString(2, message);
					statement.execute();
				}
			}
			catch (SQLException ex) {
				closeQuietly(this.sending);
				this.sending = null;
				throw new IllegalStateException("NOTIFY failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void listen(Consumer<String> received, Runnable gap) {
			Thread thread = new Thread(() -> listenUntilClosed(received, gap), "storekeeper-invalidations");
			thread.setDaemon(true);
			this.listener = thread;
			thread.start();
		}

		private void listenUntilClosed(Consumer<String> received, Runnable gap) {
			boolean warned = false;
			while (this.running) {
				try (Connection connection = DriverManager.getConnection(this.url, this.credentials)) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("LISTEN " + NAME);
					}
					gap.run();
					if (warned) {
						log.warn("Listening for other nodes' changes again");
						warned = false;
					}
					PGConnection notifications = connection.unwrap(PGConnection.class);
					long checked = System.nanoTime();
					while (this.running) {
						PGNotification[] batch = notifications.getNotifications(WAIT_MILLIS);
						if (batch != null) {
							for (PGNotification notification : batch) {
								received.accept(notification.getParameter());
							}
						}
						if (System.nanoTime() - checked > CHECK.toNanos()) {
							try (Statement statement = connection.createStatement()) {
								statement.execute("select 1");
							}
							checked = System.nanoTime();
						}
					}
				}
				catch (SQLException | RuntimeException ex) {
					if (!this.running) {
						return;
					}
					if (!warned) {
						log.warn("Not listening for other nodes' changes ({}); cached reads last at most the cache's "
								+ "time to live meanwhile; retrying", ex.getMessage());
						warned = true;
					}
					pause();
				}
			}
		}

		private void pause() {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}

		@Override
		public void close() {
			this.running = false;
			Thread thread = this.listener;
			if (thread != null) {
				try {
					thread.join(2 * WAIT_MILLIS + 1000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			synchronized (this) {
				closeQuietly(this.sending);
				this.sending = null;
			}
		}

		private static void closeQuietly(@Nullable Connection connection) {
			if (connection != null) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// closing anyway
				}
			}
		}

	}

	/**
	 * Redis pub/sub on {@code REDIS_URL}: the client reconnects and subscribes again by
	 * itself.
	 */
	final class Redis implements InvalidationChannel {

		private static final Logger log = LoggerFactory.getLogger(Redis.class);

		private final RedisClient client;

		private @Nullable StatefulRedisConnection<String, String> sending;

		private @Nullable StatefulRedisPubSubConnection<String, String> subscription;

		private volatile boolean running = true;

		Redis(String redisUrl) {
			this.client = RedisClient.create(redisUrl);
		}

		@Override
		public synchronized void publish(String message) {
			if (this.sending == null) {
				this.sending = this.client.connect();
			}
			this.sending.sync().publish(NAME, message);
		}

		@Override
		public void listen(Consumer<String> received, Runnable gap) {
			Thread thread = new Thread(() -> subscribe(received, gap), "storekeeper-invalidations");
			thread.setDaemon(true);
			thread.start();
		}

		private void subscribe(Consumer<String> received, Runnable gap) {
			boolean warned = false;
			while (this.running) {
				try {
					StatefulRedisPubSubConnection<String, String> connection = this.client.connectPubSub();
					connection.addListener(new RedisPubSubAdapter<>() {
						@Override
						public void message(String channel, String message) {
							received.accept(message);
						}

						@Override
						public void subscribed(String channel, long count) {
							// on the first subscription and on each after a reconnection
							gap.run();
						}
					});
					connection.sync().subscribe(NAME);
					synchronized (this) {
						if (!this.running) {
							connection.close();
							return;
						}
						this.subscription = connection;
					}
					return;
				}
				catch (RuntimeException ex) {
					if (!warned) {
						log.warn("Not listening for other nodes' changes on Redis ({}); retrying", ex.getMessage());
						warned = true;
					}
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}

		@Override
		public void close() {
			synchronized (this) {
				this.running = false;
				if (this.subscription != null) {
					this.subscription.close();
				}
				if (this.sending != null) {
					this.sending.close();
				}
			}
			this.client.shutdown();
		}

	}

}
