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

	private static final int HEAD = 16_384;

	/** The longest answer read to its end to keep its connection. */
	private static final int DRAIN = 65_536;

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

	/** An answer, and whether its connection may carry the next request. */
	private record Answer(Result result, boolean reusable) {
	}

	/** A kept connection found closed before any byte of the answer. */
	private static final class Stale extends IOException {

		Stale(String message) {
			super(message);
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
			Answer answer = null;
			Socket kept = take(origin);
			if (kept != null) {
				socket = kept;
				current.set(socket);
				try {
					answer = exchange(socket, head, payload, deadline, started, true);
				}
				catch (Stale ex) {
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

	private Answer exchange(Socket socket, byte[] head, byte[] payload, long deadline, long started, boolean kept)
			throws IOException {
		OutputStream out = socket.getOutputStream();
		try {
			socket.setSoTimeout(remaining(deadline));
			out.write(head);
			out.write(payload);
			out.flush();
		}
		catch (SocketTimeoutException ex) {
			throw ex;
		}
		catch (IOException ex) {
			if (kept) {
				throw new Stale(ex.getMessage());
			}
			throw ex;
		}
		return read(socket, deadline, started, kept);
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
	 * The status line and headers (at most 16 KiB), then the body: at most {@link #KEEP}
	 * bytes of it are kept; when its length is known and at most {@link #DRAIN} bytes, it
	 * is read to its end so that the connection can be kept, otherwise reading stops at
	 * what is kept and the connection is closed. Each read is given only the time left.
	 */
	private static Answer read(Socket socket, long deadline, long started, boolean kept) throws IOException {
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[HEAD + KEEP];
		int length = 0;
		int headEnd = -1;
		while (length < HEAD) {
			socket.setSoTimeout(remaining(deadline));
			int n;
			try {
				n = in.read(buffer, length, HEAD - length);
			}
			catch (SocketTimeoutException ex) {
				throw ex;
			}
			catch (IOException ex) {
				if (kept && length == 0) {
					throw new Stale(ex.getMessage());
				}
				throw ex;
			}
			if (n < 0) {
				if (kept && length == 0) {
					throw new Stale("closed");
				}
				break;
			}
			int from = Math.max(0, length - 3);
			length += n;
			headEnd = endOfHead(buffer, from, length);
			if (headEnd >= 0) {
				break;
			}
		}
		if (headEnd < 0 && length >= HEAD) {
			return new Answer(failed("the receiver's answer has no end to its headers within 16 KiB", started), false);
		}
		String head = new String(buffer, 0, (headEnd >= 0) ? headEnd : length, StandardCharsets.ISO_8859_1);
		String[] lines = head.split("\r?\n");
		String[] statusLine = lines[0].split(" ");
		if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
			return new Answer(failed("the receiver did not answer HTTP", started), false);
		}
		int status = Integer.parseInt(statusLine[1]);
		if (headEnd < 0) {
			return new Answer(new Result(status, "", null, millis(started)), false);
		}
		long contentLength = -1;
		boolean chunked = false;
		boolean close = !statusLine[0].equals("HTTP/1.1");
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String name = lines[i].substring(0, colon).trim();
			String value = lines[i].substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				try {
					contentLength = Long.parseLong(value);
				}
				catch (NumberFormatException ex) {
					close = true;
				}
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
				close |= !chunked;
			}
			else if (name.equalsIgnoreCase("Connection")) {
				close |= value.toLowerCase(java.util.Locale.ROOT).contains("close");
			}
		}
		Body body = new Body(socket, in, deadline, buffer, headEnd, length);
		boolean noBody = status == 204 || status == 304 || (status >= 100 && status < 200);
		String kept0;
		boolean reusable;
		if (noBody) {
			kept0 = "";
			reusable = !close && body.buffered() == 0;
		}
		else if (chunked) {
			kept0 = body.chunked();
			reusable = !close && body.complete();
		}
		else if (contentLength >= 0) {
			kept0 = body.sized(contentLength);
			reusable = !close && body.complete();
		}
		else {
			kept0 = body.untilKept();
			reusable = false;
		}
		return new Answer(new Result(status, kept0, null, millis(started)), reusable);
	}

	/**
	 * An answer's body after its head: keeps its first {@link #KEEP} bytes and reads at
	 * most {@link #DRAIN} bytes in all.
	 */
	private static final class Body {

		private final Socket socket;

		private final InputStream in;

		private final long deadline;

		private final byte[] buffer;

		private int position;

		private int limit;

		private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();

		private long read;

		private boolean complete;

		Body(Socket socket, InputStream in, long deadline, byte[] buffer, int position, int limit) {
			this.socket = socket;
			this.in = in;
			this.deadline = deadline;
			this.buffer = buffer;
			this.position = position;
			this.limit = limit;
		}

		int buffered() {
			return this.limit - this.position;
		}

		boolean complete() {
			return this.complete && buffered() == 0;
		}

		/** The next byte, or -1 at the end of the stream. */
		private int next() throws IOException {
			if (this.position == this.limit && !fill()) {
				return -1;
			}
			return this.buffer[this.position++] & 0xff;
		}

		private boolean fill() throws IOException {
			this.socket.setSoTimeout(remaining(this.deadline));
			int n = this.in.read(this.buffer, 0, this.buffer.length);
			if (n <= 0) {
				return false;
			}
			this.position = 0;
			this.limit = n;
			return true;
		}

		/**
		 * Consumes {@code count} bytes of body, keeping the first KiB; false at an early
		 * end.
		 */
		private boolean consume(long count) throws IOException {
			long left = count;
			while (left > 0) {
				if (this.position == this.limit && !fill()) {
					return false;
				}
				int n = (int) Math.min(left, this.limit - this.position);
				int keep = Math.min(n, KEEP - this.kept.size());
				if (keep > 0) {
					this.kept.write(this.buffer, this.position, keep);
				}
				this.position += n;
				left -= n;
				this.read += n;
			}
			return true;
		}

		String sized(long length) throws IOException {
			if (length > DRAIN) {
				consume(Math.min(length, KEEP));
				return text();
			}
			this.complete = consume(length);
			return text();
		}

		String chunked() throws IOException {
			while (this.read <= DRAIN) {
				String size = line();
				if (size == null) {
					return text();
				}
				int semicolon = size.indexOf(';');
				long chunk;
				try {
					chunk = Long.parseLong(((semicolon >= 0) ? size.substring(0, semicolon) : size).trim(), 16);
				}
				catch (NumberFormatException ex) {
					return text();
				}
				if (chunk == 0) {
					// trailers, up to the blank line
					String trailer;
					while ((trailer = line()) != null && !trailer.isEmpty()) {
						// skipped
					}
					this.complete = trailer != null;
					return text();
				}
				if (chunk > DRAIN || !consume(chunk) || line() == null) {
					return text();
				}
			}
			return text();
		}

		String untilKept() throws IOException {
			while (this.kept.size() < KEEP) {
				if (this.position == this.limit && !fill()) {
					break;
				}
				consume(Math.min(this.limit - this.position, KEEP - this.kept.size()));
			}
			return text();
		}

		/** A line of at most 1 KiB without its end, or null at the end of the stream. */
		private @Nullable String line() throws IOException {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = next()) >= 0) {
				if (c == '\n') {
					int end = line.length();
					return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
				}
				if (line.length() > 1024) {
					return null;
				}
				line.append((char) c);
			}
			return null;
		}

		private String text() {
			return this.kept.toString(StandardCharsets.UTF_8);
		}

	}

	private static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
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
		this.idle.values().forEach((connections) -> connections.forEach((kept) -> closeQuietly(kept.socket())));
		this.idle.clear();
	}

}
