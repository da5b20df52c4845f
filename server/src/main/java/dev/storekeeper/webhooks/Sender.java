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
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>
 * Connections are kept alive: an answer whose length is known (a {@code Content-Length}
 * or chunks, up to 64 KiB) is read to its end, and its connection goes back to a pool per
 * receiver (scheme, host, checked address and port) for the next delivery, for at most
 * {@link #IDLE} idle; a kept connection that turns out closed before any byte of an
 * answer is replaced by a new one within the same deadline.
 */
@Component
class Sender implements DisposableBean {

	static final int KEEP = 1024;

	/**
	 * How long a connection is kept idle: below the 5 s after which common servers
	 * (Node.js) close an idle connection.
	 */
	static final Duration IDLE = Duration.ofSeconds(4);

	/** The most idle connections kept per receiver. */
	private static final int IDLE_PER_RECEIVER = 16;

	private final Targets targets;

	private final Duration timeout;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	/** A receiver's connections: same scheme, host, checked address and port. */
	private record Origin(boolean https, String host, InetAddress address, int port) {
	}

	private record Idle(Socket socket, long since) {
	}

	private final Map<Origin, Deque<Idle>> idle = new ConcurrentHashMap<>();

	@Autowired
	Sender(Targets targets, @Value("${storekeeper.webhooks.timeout:5s}") Duration timeout) {
		this.targets = targets;
		this.timeout = timeout;
		this.watchdog.scheduleWithFixedDelay(this::closeExpired, IDLE.toMillis(), IDLE.toMillis(),
				TimeUnit.MILLISECONDS);
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
		AtomicReference<@Nullable Socket> current = new AtomicReference<>();
		AtomicBoolean expired = new AtomicBoolean();
		ScheduledFuture<?> cutOff = this.watchdog.schedule(() -> {
			expired.set(true);
			Socket socket = current.get();
			if (socket != null) {
				closeQuietly(socket);
			}
		}, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		Socket socket = null;
		try {
			URI uri = URI.create(url);
			String host = uri.getHost();
			boolean https = "https".equalsIgnoreCase(uri.getScheme());
			if (host == null || !(https || "http".equalsIgnoreCase(uri.getScheme()))) {
				return failed("the URL must be http or https with a host", started);
			}
			int port = (uri.getPort() > 0) ? uri.getPort() : (https ? 443 : 80);
			Origin origin = new Origin(https, host, this.targets.resolve(host), port);
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
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("\r\n");
			byte[] head = request.toString().getBytes(StandardCharsets.ISO_8859_1);
			AnswerReader.Answer answer = null;
			Socket kept = take(origin);
			if (kept != null) {
				socket = kept;
				current.set(socket);
				try {
					answer = exchange(socket, head, payload, deadline, started, true);
				}
				catch (AnswerReader.Stale ex) {
					closeQuietly(socket);
					socket = null;
				}
			}
			if (answer == null) {
				socket = new Socket();
				current.set(socket);
				socket = connect(socket, origin.address(), host, port, https, deadline);
				current.set(socket);
				answer = exchange(socket, head, payload, deadline, started, false);
			}
			// kept only when the deadline can no longer close it
			if (answer.reusable() && cutOff.cancel(false)) {
				give(origin, socket);
				socket = null;
			}
			return answer.result();
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
			if (socket != null) {
				closeQuietly(socket);
			}
		}
	}

	private AnswerReader.Answer exchange(Socket socket, byte[] head, byte[] payload, long deadline, long started,
			boolean kept) throws IOException {
		OutputStream out = socket.getOutputStream();
		try {
			socket.setSoTimeout(AnswerReader.remaining(deadline));
			out.write(head);
			out.write(payload);
			out.flush();
		}
		catch (SocketTimeoutException ex) {
			throw ex;
		}
		catch (IOException ex) {
			if (kept) {
				throw new AnswerReader.Stale(ex.getMessage());
			}
			throw ex;
		}
		return AnswerReader.read(socket, deadline, started, kept);
	}

	/** A kept connection to {@code origin}, idle for less than {@link #IDLE}, or null. */
	private @Nullable Socket take(Origin origin) {
		Deque<Idle> connections = this.idle.get(origin);
		if (connections == null) {
			return null;
		}
		Idle candidate;
		while ((candidate = connections.pollFirst()) != null) {
			if (System.nanoTime() - candidate.since() < IDLE.toNanos() && !candidate.socket().isClosed()) {
				return candidate.socket();
			}
			closeQuietly(candidate.socket());
		}
		return null;
	}

	private void give(Origin origin, Socket socket) {
		Deque<Idle> connections = this.idle.computeIfAbsent(origin, (key) -> new ConcurrentLinkedDeque<>());
		if (connections.size() >= IDLE_PER_RECEIVER) {
			closeQuietly(socket);
			return;
		}
		connections.addFirst(new Idle(socket, System.nanoTime()));
	}

	/** Closes the connections idle for {@link #IDLE} or longer. */
	private void closeExpired() {
		long now = System.nanoTime();
		this.idle.forEach((origin, connections) -> connections.removeIf((candidate) -> {
			if (now - candidate.since() >= IDLE.toNanos()) {
				closeQuietly(candidate.socket());
				return true;
			}
			return false;
		}));
		this.idle.values().removeIf(Deque::isEmpty);
	}

	private static Socket connect(Socket plain, InetAddress address, String host, int port, boolean https,
			long deadline) throws IOException {
		plain.connect(new InetSocketAddress(address, port), AnswerReader.remaining(deadline));
		plain.setSoTimeout(AnswerReader.remaining(deadline));
		if (!https) {
			return plain;
		}
		SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port,
				true);
		SSLParameters parameters = tls.getSSLParameters();
		parameters.setServerNames(List.of(new SNIHostName(host)));
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		tls.setSSLParameters(parameters);
		tls.setSoTimeout(AnswerReader.remaining(deadline));
		tls.startHandshake();
		return tls;
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing is all that was wanted
		}
	}

	static Result failed(String error, long started) {
		return new Result(null, null, (error.length() > 500) ? error.substring(0, 500) : error,
				(System.nanoTime() - started) / 1_000_000);
	}

	@Override
	public void destroy() {
		this.watchdog.shutdownNow();
		this.idle.values().forEach((connections) -> connections.forEach((kept) -> closeQuietly(kept.socket())));
		this.idle.clear();
	}

}
