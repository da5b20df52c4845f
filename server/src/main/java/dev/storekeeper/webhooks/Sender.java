package dev.storekeeper.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery over HTTP/1.1 to the address {@link Targets} checked (the connection
 * is pinned to it, so a second DNS answer cannot redirect it), following no redirect. The
 * whole attempt (connect, TLS, sending, the answer's head and the first KiB of its body)
 * has one deadline, {@code WEBHOOKS_TIMEOUT} (5 s): a receiver that answers a byte at a
 * time is cut off at the deadline like one that never answers.
 */
@Component
class Sender implements DisposableBean {

	static final int KEEP = 1024;

	private static final int HEAD = 16_384;

	private final Targets targets;

	private final Duration timeout;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	Sender(Targets targets, @Value("${storekeeper.webhooks.timeout:5s}") Duration timeout) {
		this.targets = targets;
		this.timeout = timeout;
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
		long deadline = started + this.timeout.toNanos();
		Socket socket = new Socket();
		AtomicBoolean expired = new AtomicBoolean();
		ScheduledFuture<?> cutOff = this.watchdog.schedule(() -> {
			expired.set(true);
			closeQuietly(socket);
		}, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		try {
			URI uri = URI.create(url);
			String host = uri.getHost();
			boolean https = "https".equalsIgnoreCase(uri.getScheme());
			if (host == null || !(https || "http".equalsIgnoreCase(uri.getScheme()))) {
				return failed("the URL must be http or https with a host", started);
			}
			int port = (uri.getPort() > 0) ? uri.getPort() : (https ? 443 : 80);
			InetAddress address = this.targets.resolve(host);
			try (Socket connection = connect(socket, address, host, port, https, deadline)) {
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
				OutputStream out = connection.getOutputStream();
				out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
				out.write(payload);
				out.flush();
				return read(connection, deadline, started);
			}
		}
		catch (Targets.Refused ex) {
			return failed("refused: " + ex.getMessage(), started);
		}
		catch (IOException | IllegalArgumentException ex) {
			if (expired.get() || ex instanceof SocketTimeoutException || System.nanoTime() - deadline >= 0) {
				return failed("timeout: no complete answer within " + this.timeout.toMillis() + " ms", started);
			}
			return failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), started);
		}
		finally {
			cutOff.cancel(false);
			closeQuietly(socket);
		}
	}

	private static Socket connect(Socket plain, InetAddress address, String host, int port, boolean https,
			long deadline) throws IOException {
		plain.connect(new InetSocketAddress(address, port), remaining(deadline));
		plain.setSoTimeout(remaining(deadline));
		if (!https) {
			return plain;
		}
		SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port,
				true);
		SSLParameters parameters = tls.getSSLParameters();
		parameters.setServerNames(List.of(new SNIHostName(host)));
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		tls.setSSLParameters(parameters);
		tls.setSoTimeout(remaining(deadline));
		tls.startHandshake();
		return tls;
	}

	/** The milliseconds left before {@code deadline}; a timeout once none are. */
	private static int remaining(long deadline) throws SocketTimeoutException {
		long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		if (left <= 0) {
			throw new SocketTimeoutException("deadline passed");
		}
		return (int) Math.min(Integer.MAX_VALUE, left);
	}

	/**
	 * The status line and headers (at most 16 KiB), then at most {@link #KEEP} bytes of
	 * the body, read in blocks, each read given only the time left.
	 */
	private static Result read(Socket socket, long deadline, long started) throws IOException {
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[HEAD + KEEP];
		int length = 0;
		int headEnd = -1;
		while (length < buffer.length) {
			socket.setSoTimeout(remaining(deadline));
			int n = in.read(buffer, length, buffer.length - length);
			if (n < 0) {
				break;
			}
			int from = Math.max(0, length - 3);
			length += n;
			if (headEnd < 0) {
				headEnd = endOfHead(buffer, from, length);
			}
			if (headEnd >= 0 && length - headEnd >= KEEP) {
				break;
			}
			if (headEnd < 0 && length >= HEAD) {
				return failed("the receiver's answer has no end to its headers within 16 KiB", started);
			}
		}
		String head = new String(buffer, 0, (headEnd >= 0) ? headEnd : length, StandardCharsets.ISO_8859_1);
		String[] statusLine = head.split("\r?\n", 2)[0].split(" ");
		if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
			return failed("the receiver did not answer HTTP", started);
		}
		int bodyLength = (headEnd >= 0) ? Math.min(KEEP, length - headEnd) : 0;
		String body = (headEnd >= 0) ? new String(buffer, headEnd, bodyLength, StandardCharsets.UTF_8) : "";
		return new Result(Integer.valueOf(statusLine[1]), body, null, (System.nanoTime() - started) / 1_000_000);
	}

	/** The index just after the blank line that ends the head, or -1. */
	private static int endOfHead(byte[] buffer, int from, int length) {
		for (int i = from; i < length; i++) {
			if (buffer[i] == '\n') {
				if (i + 1 < length && buffer[i + 1] == '\n') {
					return i + 2;
				}
				if (i + 2 < length && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') {
					return i + 3;
				}
			}
		}
		return -1;
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing is all that was wanted
		}
	}

	private static Result failed(String error, long started) {
		return new Result(null, null, (error.length() > 500) ? error.substring(0, 500) : error,
				(System.nanoTime() - started) / 1_000_000);
	}

	@Override
	public void destroy() {
		this.watchdog.shutdownNow();
	}

}
