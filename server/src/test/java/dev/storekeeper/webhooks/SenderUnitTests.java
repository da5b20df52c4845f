package dev.storekeeper.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderUnitTests {

	@Test
	void aReceiverGetsSuccessiveDeliveriesOnOneKeptConnection() throws Exception {
		List<Integer> clientPorts = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			clientPorts.add(exchange.getRemoteAddress().getPort());
			byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
		Sender sender = new Sender(new Targets(true), Duration.ofSeconds(5));
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
			for (int i = 0; i < 3; i++) {
				Sender.Result result = sender.post(url, Map.of("webhook-id", "whev_" + i), "{\"n\":" + i + "}");
				assertThat(result.status()).isEqualTo(200);
				assertThat(result.body()).isEqualTo("ok");
			}
			assertThat(clientPorts).hasSize(3);
			assertThat(clientPorts.stream().distinct()).hasSize(1);
		}
		finally {
			sender.destroy();
			server.stop(0);
		}
	}

	@Test
	void aKeptConnectionTheReceiverClosedIsReplacedWithoutLosingTheDelivery() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
			Thread.ofVirtual().start(() -> {
				while (!server.isClosed()) {
					// answers one request per connection with a chunked body, then hangs
					// up
					// without saying so (as a receiver's idle timeout does)
					try (Socket socket = server.accept()) {
						readRequest(socket.getInputStream());
						requests.incrementAndGet();
						OutputStream out = socket.getOutputStream();
						out.write(("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
								+ "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
							.getBytes(StandardCharsets.ISO_8859_1));
						out.flush();
					}
					catch (IOException ex) {
						// the next connection
					}
				}
			});
			Sender sender = new Sender(new Targets(true), Duration.ofSeconds(5));
			try {
				String url = "http://127.0.0.1:" + server.getLocalPort() + "/hooks";
				for (int i = 0; i < 2; i++) {
					Sender.Result result = sender.post(url, Map.of(), "{}");
					assertThat(result.error()).isNull();
					assertThat(result.status()).isEqualTo(202);
					assertThat(result.body()).isEqualTo("hello world");
				}
				assertThat(requests.get()).isEqualTo(2);
			}
			finally {
				sender.destroy();
			}
		}
	}

	/** Reads a request's head and its Content-Length body. */
	private static void readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		int c;
		while ((c = in.read()) >= 0) {
			head.append((char) c);
			if (head.toString().endsWith("\r\n\r\n")) {
				break;
			}
		}
		int length = 0;
		for (String line : head.toString().split("\r\n")) {
			if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		in.readNBytes(length);
	}

}
