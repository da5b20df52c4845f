package dev.storekeeper.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * POSTs one delivery over HTTP/1.1 to the address {@link Targets} checked (the connection
 * is pinned to it, so a second DNS answer cannot redirect it), within 5 seconds,
 * following no redirect.
 */
@Component
class Sender {

	static final int TIMEOUT_MILLIS = 5_000;

	static final int KEEP = 1024;

	private final Targets targets;

	Sender(Targets targets) {
		this.targets = targets;
	}

	/**
	 * What came back: the status (null when none), the first KiB of the body, or the
	 * error.
	 */
	record Result(@Nullable Integer status, @Nullable String body, @Nullable String error, long millis) {

		boolean succeeded() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

	Result post(String url, Map<String, String> headers, String body) {
		long started = System.nanoTime();
		try {
			URI uri = URI.create(url);
			String host = uri.getHost();
			boolean https = "https".equalsIgnoreCase(uri.getScheme());
			if (host == null || !(https || "http".equalsIgnoreCase(uri.getScheme()))) {
				return failed("the URL must be http or https with a host", started);
			}
			int port = (uri.getPort() > 0) ? uri.getPort() : (https ? 443 : 80);
			InetAddress address = this.targets.resolve(host);
			try (Socket socket = connect(address, host, port, https)) {
				String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
				if (uri.getRawQuery() != null) {
					path += "?" + uri.getRawQuery();
				}
				byte[] payload = body.getBytes(StandardCharsets.UTF_8);
				StringBuilder request = new StringBuilder();
				request.append("POST ").append(path).append(" HTTP/1.1\r\n");
				request.append("Host: ").append(host).append((uri.getPort() > 0) ? ":" + port : "").append("\r\n");
				request.append("User-Agent: Storekeeper-Webhooks/1\r\n");
				request.append("Content-Type: application/json\r\n");
				request.append("Content-Length: ").append(payload.length).append("\r\n");
				request.append("Connection: close\r\n");
				headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
				request.append("\r\n");
				OutputStream out = socket.getOutputStream();
				out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
				out.write(payload);
				out.flush();
				return read(socket.getInputStream(), started);
			}
		}
		catch (Targets.Refused ex) {
			return failed("refused: " + ex.getMessage(), started);
		}
		catch (IOException | IllegalArgumentException ex) {
			return failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), started);
		}
	}

	private static Socket connect(InetAddress address, String host, int port, boolean https) throws IOException {
		Socket plain = new Socket();
		plain.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
		plain.setSoTimeout(TIMEOUT_MILLIS);
		if (!https) {
			return plain;
		}
		SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port,
				true);
		SSLParameters parameters = tls.getSSLParameters();
		parameters.setServerNames(List.of(new SNIHostName(host)));
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		tls.setSSLParameters(parameters);
		tls.startHandshake();
		return tls;
	}

	private static Result read(InputStream in, long started) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int previous = -1;
		int current;
		int newlines = 0;
		while ((current = in.read()) != -1 && head.size() < 16_384) {
			head.write(current);
			if (current == '\n') {
				newlines = (previous == '\r' || previous == '\n') ? newlines + 1 : 1;
				if (newlines == 2) {
					break;
				}
			}
			else if (current != '\r') {
				newlines = 0;
			}
			previous = current;
		}
		String headers = head.toString(StandardCharsets.ISO_8859_1);
		String[] statusLine = headers.split("\r?\n", 2)[0].split(" ");
		if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
			return failed("the receiver did not answer HTTP", started);
		}
		byte[] body = in.readNBytes(KEEP);
		return new Result(Integer.valueOf(statusLine[1]), new String(body, StandardCharsets.UTF_8), null,
				(System.nanoTime() - started) / 1_000_000);
	}

	private static Result failed(String error, long started) {
		return new Result(null, null, (error.length() > 500) ? error.substring(0, 500) : error,
				(System.nanoTime() - started) / 1_000_000);
	}

}
