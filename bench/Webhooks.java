// Webhook benchmark, run by bench/run.sh as a single-file program:
//   java bench/Webhooks.java API_URL TOKEN EVENTS [RECEIVERS, default 1]
// Starts RECEIVERS local receivers (each its own HTTP server and port) that answer 200 and record when each event
// arrives, registers each as a webhook endpoint for product.updated (so every event makes RECEIVERS deliveries),
// then
//  1. latency: updates a product 20 times a second, 100 times, and measures from the moment each PATCH was sent
//     (the event cannot be older) to the first attempt's arrival at the receiver;
//  2. throughput: updates 8 products as fast as 8 clients can, EVENTS times in all, and measures deliveries/s from
//     the first PATCH sent to the last event received (so it includes making the events);
//  3. with BENCH_ACCOUNT_ID set (PostgreSQL, database "bench"): inserts EVENTS events into the outbox at once with
//     psql and measures deliveries/s from the insert to the last event received (the deliverer alone).
// Prints one tab-separated line per phase: name, rate, p50, p99, errors (events never received), as run.sh's table.
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

public class Webhooks {

	static final Pattern MARK = Pattern.compile("bench-(lat|thr|sql)-(\\d+)");

	static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static String api;

	static String token;

	public static void main(String[] args) throws Exception {
		api = args[0];
		token = args[1];
		int events = Integer.parseInt(args[2]);
		int receivers = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		Map<String, Long> arrivals = new ConcurrentHashMap<>();
		AtomicInteger received = new AtomicInteger();
		List<HttpServer> servers = new ArrayList<>();
		for (int r = 0; r < receivers; r++) {
			String at = "@" + r;
			HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
			receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			receiver.createContext("/hook", (exchange) -> {
				long now = System.nanoTime();
				String body = new String(exchange.getRequestBody().readAllBytes());
				Matcher mark = MARK.matcher(body);
				if (mark.find()) {
					arrivals.putIfAbsent(mark.group() + at, now);
				}
				received.incrementAndGet();
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			receiver.start();
			servers.add(receiver);
			String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
			call("POST", "/v1/webhook_endpoints", "{\"url\":\"" + url + "\",\"enabledEvents\":[\"product.updated\"]}");
		}
		List<String> products = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			products.add(id(call("POST", "/v1/products", "{\"name\":\"Webhook bench " + i + "\"}")));
		}

		// 1. paced events: event -> first attempt latency
		int paced = 100;
		long[] sent = new long[paced];
		long pacedStart = System.nanoTime();
		for (int i = 0; i < paced; i++) {
			sent[i] = System.nanoTime();
			call("PATCH", "/v1/products/" + products.get(0), "{\"description\":\"bench-lat-" + i + "\"}");
			long next = pacedStart + (i + 1) * 50_000_000L;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(Duration.ofNanos(wait));
			}
		}
		awaitArrivals(arrivals, "bench-lat-", paced * receivers, 30);
		List<Double> latencies = new ArrayList<>();
		for (int i = 0; i < paced; i++) {
			for (int r = 0; r < receivers; r++) {
				Long at = arrivals.get("bench-lat-" + i + "@" + r);
				if (at != null) {
					latencies.add((at - sent[i]) / 1e6);
				}
			}
		}
		print("webhook event -> first attempt (20 events/s, " + receivers + " receivers)",
				paced / ((System.nanoTime() - pacedStart) / 1e9), latencies, paced * receivers - latencies.size());

		// 2. a burst: deliveries/s
		long[] sentAt = new long[events];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime();
		try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String product : products) {
				workers.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < events) {
						sentAt[i] = System.nanoTime();
						try {
							call("PATCH", "/v1/products/" + product, "{\"description\":\"bench-thr-" + i + "\"}");
						}
						catch (Exception ex) {
							failed.incrementAndGet();
						}
					}
					return null;
				});
			}
		}
		double createSeconds = (System.nanoTime() - start) / 1e9;
		awaitArrivals(arrivals, "bench-thr-", events * receivers, 60);
		long last = start;
		List<Double> burst = new ArrayList<>();
		for (int i = 0; i < events; i++) {
			for (int r = 0; r < receivers; r++) {
				Long at = arrivals.get("bench-thr-" + i + "@" + r);
				if (at != null) {
					last = Math.max(last, at);
					burst.add((at - sentAt[i]) / 1e6);
				}
			}
		}
		double seconds = (last - start) / 1e9;
		print("webhook deliveries/s (" + events + " events by 8 clients x " + receivers + " receivers)",
				burst.size() / seconds, burst, events * receivers - burst.size() + failed.get());
		System.err.printf("events created at %.0f/s; %d deliveries received in %.1f s%n", events / createSeconds,
				burst.size(), seconds);
		String account = System.getenv("BENCH_ACCOUNT_ID");
		if (account != null && !account.isBlank()) {
			long inserted = System.nanoTime();
			Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "bench", "-q", "-c",
					"insert into events (prefix_id, account_id, livemode, type, data, created_at) select 'whev_bench' || g"
							+ ", " + Long.parseLong(account) + ", false, 'product.updated', "
							+ "'{\"object\":\"product\",\"description\":\"bench-sql-' || g || '\"}', now() "
							+ "from generate_series(0, " + (events - 1) + ") g")
				.inheritIO()
				.start();
			if (psql.waitFor() != 0) {
				throw new IllegalStateException("psql failed");
			}
			awaitArrivals(arrivals, "bench-sql-", events * receivers, 60);
			long lastSql = inserted;
			List<Double> sql = new ArrayList<>();
			for (int i = 0; i < events; i++) {
				for (int r = 0; r < receivers; r++) {
					Long at = arrivals.get("bench-sql-" + i + "@" + r);
					if (at != null) {
						lastSql = Math.max(lastSql, at);
						sql.add((at - inserted) / 1e6);
					}
				}
			}
			print("webhook deliveries/s (" + events + " events inserted at once x " + receivers + " receivers)",
					sql.size() / ((lastSql - inserted) / 1e9), sql, events * receivers - sql.size());
		}
		servers.forEach((server) -> server.stop(0));
		System.exit(0);
	}

	static void awaitArrivals(Map<String, Long> arrivals, String prefix, int count, int seconds)
			throws InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			long got = arrivals.keySet().stream().filter((key) -> key.startsWith(prefix)).count();
			if (got >= count) {
				return;
			}
			Thread.sleep(20);
		}
	}

	static void print(String name, double rate, List<Double> millis, int errors) {
		millis.sort(null);
		System.out.printf("%s\t%.2f\t%s\t%s\t%d%n", name, rate, percentile(millis, 0.50), percentile(millis, 0.99),
				errors);
	}

	static String percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return "-";
		}
		double ms = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
		return (ms >= 1000) ? String.format("%.2fs", ms / 1000) : String.format("%.2fms", ms);
	}

	static String call(String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	static String id(String json) {
		Matcher m = Pattern.compile("\"prefixId\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no prefixId in " + json);
		}
		return m.group(1);
	}

}
