package dev.storekeeper.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real local HTTP receiver that records what it is sent and answers with a chosen
 * status.
 */
final class Receiver implements AutoCloseable {

	record Received(Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger status = new AtomicInteger(200);

	private final java.util.concurrent.Semaphore arrivals = new java.util.concurrent.Semaphore(0);

	private final HttpServer server;

	Receiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
			this.arrivals.release();
			byte[] answer = ("answer " + this.status.get()).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.status.get(), answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
	}

	/** Waits for one more delivery to arrive; false if none came within a minute. */
	boolean awaitDelivery() throws InterruptedException {
		return this.arrivals.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
