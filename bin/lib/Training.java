// The training run of the JDK AOT cache (bin/lib/aot.sh), run as a single-file program:
//   java bin/lib/Training.java API_URL TOKEN SECONDS
// Drives a freshly started Storekeeper through what a node does under load, so that the cache records the classes
// and the method profiles (JDK 25, JEP 515) of the hot paths and not only of the start: it makes a product with a
// price, then for SECONDS seconds, from 4 clients at once, buys it (a checkout created and confirmed with the sandbox
// card) and reads the product, the product list, the orders page and /health. Exits 1 when a call fails.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Training {

	static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static String api;

	static String token;

	public static void main(String[] args) throws Exception {
		api = args[0];
		token = args[1];
		long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
		String product = field(call("POST", "/v1/products", "{\"name\":\"Training course\"}", true), "prefixId");
		String variant = field(call("POST", "/v1/price_variants", "{\"productId\":\"" + product
				+ "\",\"name\":\"Std\",\"amount\":1900,\"currency\":\"USD\"}", true), "prefixId");
		call("PATCH", "/v1/products/" + product, "{\"status\":\"active\"}", true);
		AtomicLong sequence = new AtomicLong();
		try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<?>[] clients = new Future<?>[4];
			for (int c = 0; c < clients.length; c++) {
				clients[c] = workers.submit(() -> {
					while (System.nanoTime() < until) {
						String secret = field(call("POST", "/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}",
								true), "clientSecret");
						call("POST", "/v1/client/checkouts/" + secret + "/confirm", "{\"email\":\"training-"
								+ sequence.incrementAndGet() + "@example.com\",\"payment\":{\"card\":{\"number\":"
								+ "\"4242424242424242\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}", false);
						for (int i = 0; i < 20; i++) {
							call("GET", "/v1/products/" + product, null, true);
						}
						call("GET", "/v1/products", null, true);
						call("GET", "/v1/orders?limit=20&expand=line_items,customer", null, true);
						call("GET", "/health", null, false);
					}
					return null;
				});
			}
			for (Future<?> c : clients) {
				c.get();
			}
		}
		System.out.println("training: " + sequence.get() + " purchases");
	}

	static String call(String method, String path, String body, boolean authorized) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorized) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

}
