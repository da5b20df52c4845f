package dev.storekeeper.platform.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the server acknowledged survives: servers in processes of their own (as the jar
 * runs), killed with SIGKILL while 32 buyers confirm checkouts, then started again on the
 * same database; and the embedded database backed up while buyers pay, then restored into
 * a new data directory. On the database the suite runs on (H2, or the PostgreSQL of
 * {@code DATABASE_URL}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurabilityIntegrationTests {

	private static final int BUYERS = 32;

	private static final String CARD = """
			{"email":"%s","name":"Bea","payment":{"card":{"number":"4242 4242 4242 4242",
			"expMonth":12,"expYear":2030,"cvc":"123"}}}""";

	private Path directory;

	private Path dataDir;

	private ServerProcess server;

	private String token;

	private String variant;

	private final List<ServerProcess> started = new ArrayList<>();

	@BeforeAll
	void aStoreThatSells(@TempDir Path directory) {
		this.directory = directory;
		this.dataDir = this.directory.resolve("data");
		this.server = start("durability", this.dataDir);
		ServerProcess.Run run = ServerProcess.command(this.dataDir, "token", "create", "--name", "durability");
		assertThat(run.exit()).as(run.err()).isZero();
		this.token = run.lastLine();
		Http http = this.server.http().as(this.token);
		String product = http.post("/v1/products", "{\"name\":\"Crash course\"}").at("/prefixId");
		Response variant = http.post("/v1/price_variants",
				"{\"productId\":\"" + product + "\",\"name\":\"Lifetime\",\"amount\":4900,\"currency\":\"USD\"}");
		assertThat(variant.status()).as(variant.body()).isEqualTo(201);
		this.variant = variant.at("/prefixId");
		assertThat(http.patch("/v1/products/" + product, "{\"status\":\"active\"}").status()).isEqualTo(200);
	}

	@AfterAll
	void stopServers() {
		this.started.forEach(ServerProcess::close);
	}

	@Test
	void theEmbeddedDatabasesPortAnswersThisHostOnly() throws Exception {
		Assumptions.assumeFalse(ServerProcess.onPostgres(), "the embedded database runs on H2 only");
		// the port H2 opened for the jar's commands (AUTO_SERVER), as its lock file says
		Properties lock = new Properties();
		try (var in = Files.newInputStream(this.dataDir.resolve("storekeeper.lock.db"))) {
			lock.load(in);
		}
		int port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
		try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
			assertThat(local.isConnected()).isTrue();
		}
		List<InetAddress> others = NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
		Assumptions.assumeFalse(others.isEmpty(), "this host has no address but loopback to try");
		for (InetAddress address : others) {
			assertThatThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, port), 2000);
				}
			}).as("H2's port on " + address).isInstanceOf(IOException.class);
		}
	}

	@Test
	void everyOrderAcknowledgedBeforeAKillIsThereAfterTheRestart() throws Exception {
		Buyers buyers = new Buyers(this.server.http(), this.token, this.variant);
		// SIGKILL on the real process the moment the 40th order is acknowledged, while
		// the other buyers' confirmations are in flight
		ServerProcess crashing = this.server;
		buyers.onOrder(40, crashing::crash);
		buyers.start();
		buyers.awaitOrders(40);
		crashing.kill();
		buyers.stop();
		Set<String> acknowledged = Set.copyOf(buyers.orders);
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

		this.server = start("durability-restarted", this.dataDir);
		assertThat(missing(this.server, acknowledged)).as("acknowledged orders lost in the crash").isEmpty();
	}

	@Test
	void aBackupTakenWhileBuyersPayHoldsEveryOrderAcknowledgedBeforeIt() throws Exception {
		Path backup = this.directory.resolve("backup.zip");
		if (ServerProcess.onPostgres()) {
			ServerProcess.Run run = ServerProcess.command(this.dataDir, "backup", "--to", backup.toString());
			assertThat(run.exit()).isEqualTo(1);
			assertThat(run.err()).contains("pg_dump").contains("pg_restore");
			assertThat(ServerProcess.command(this.dataDir, "restore", "--from", backup.toString()).err())
				.contains("pg_restore");
			return;
		}
		Buyers buyers = new Buyers(this.server.http(), this.token, this.variant);
		buyers.start();
		buyers.awaitOrders(20);
		Set<String> before = Set.copyOf(buyers.orders);
		ServerProcess.Run run = ServerProcess.command(this.dataDir, "backup", "--to", backup.toString());
		int during = buyers.orders.size();
		buyers.stop();
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.lastLine()).isEqualTo(backup.toString());
		assertThat(during).as("buyers paid while the backup ran").isGreaterThan(before.size());

		ServerProcess.Run refused = ServerProcess.command(this.dataDir, "restore", "--from", backup.toString());
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.err()).contains("is in use: stop the server");

		Path restored = this.directory.resolve("restored");
		ServerProcess.Run restore = ServerProcess.command(restored, "restore", "--from", backup.toString());
		assertThat(restore.exit()).as(restore.err()).isZero();
		assertThat(Files.exists(restored.resolve("storekeeper.mv.db"))).isTrue();
		ServerProcess copy = start("durability-restored", restored);
		assertThat(missing(copy, before)).as("orders acknowledged before the backup, missing from it").isEmpty();
		copy.stop();
	}

	private ServerProcess start(String name, Path dataDir) {
		ServerProcess process = ServerProcess.start(name, dataDir, Map.of());
		this.started.add(process);
		return process;
	}

	private List<String> missing(ServerProcess server, Set<String> orders) {
		Http http = server.http().as(this.token);
		return orders.stream().filter((order) -> http.get("/v1/orders/" + order).status() != 200).sorted().toList();
	}

	/** Buyers who each create a checkout and confirm it, again and again. */
	static final class Buyers {

		final Set<String> orders = ConcurrentHashMap.newKeySet();

		/** Answers no buyer should get from a running server. */
		final List<String> problems = new CopyOnWriteArrayList<>();

		private final Http api;

		private final Http client;

		private final String variant;

		private final AtomicBoolean stopping = new AtomicBoolean();

		private final AtomicInteger acknowledged = new AtomicInteger();

		private int trigger = Integer.MAX_VALUE;

		private Runnable action = () -> {
		};

		private final CountDownLatch done = new CountDownLatch(BUYERS);

		Buyers(Http http, String token, String variant) {
			this.api = http.as(token);
			this.client = http;
			this.variant = variant;
		}

		/** Runs {@code action} as soon as {@code count} orders were acknowledged. */
		void onOrder(int count, Runnable action) {
			this.trigger = count;
			this.action = action;
		}

		void start() {
			for (int i = 0; i < BUYERS; i++) {
				Thread.ofVirtual().start(this::buy);
			}
		}

		private void buy() {
			try {
				while (!this.stopping.get()) {
					Response checkout = this.api.post("/v1/checkouts", "{\"priceVariantId\":\"" + this.variant + "\"}");
					if (checkout.status() != 201) {
						this.problems.add("checkout: " + checkout.status() + " " + checkout.body());
						return;
					}
					Response confirmed = this.client.post(
							"/v1/client/checkouts/" + checkout.at("/clientSecret") + "/confirm",
							CARD.formatted("buyer-" + UUID.randomUUID() + "@example.com"));
					if (confirmed.status() != 200 || !confirmed.at("/status").equals("complete")) {
						this.problems.add("confirm: " + confirmed.status() + " " + confirmed.body());
						return;
					}
					this.orders.add(confirmed.at("/order"));
					if (this.acknowledged.incrementAndGet() == this.trigger) {
						this.action.run();
					}
				}
			}
			catch (IllegalStateException ex) {
				// the server is gone: this buyer stops
			}
			finally {
				this.done.countDown();
			}
		}

		/** Waits until at least {@code count} orders were acknowledged. */
		void awaitOrders(int count) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (this.orders.size() < count && this.done.getCount() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(this.problems).isEmpty();
			assertThat(this.orders).as("orders acknowledged").hasSizeGreaterThanOrEqualTo(count);
		}

		void stop() throws InterruptedException {
			this.stopping.set(true);
			assertThat(this.done.await(120, TimeUnit.SECONDS)).isTrue();
			assertThat(this.problems).isEmpty();
		}

	}

}
