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
 * Reads a receiver's HTTP/1.1 answer to a delivery within the attempt's deadline: the
 * status line and headers, then the body, of which {@link Sender#KEEP} bytes are kept; an
 * answer of known length (a {@code Content-Length} or chunks, up to {@link #DRAIN} bytes)
 * is read to its end so that its connection can carry the next delivery.
 */
final class AnswerReader {

	private static final int HEAD = 16_384;

	/** The longest answer read to its end to keep its connection. */
	static final int DRAIN = 65_536;

	private AnswerReader() {
	}

	/** An answer, and whether its connection may carry the next request. */
	record Answer(Sender.Result result, boolean reusable) {
	}

	/** A kept connection found closed before any byte of the answer. */
	static final class Stale extends IOException {

		Stale(String message) {
			super(message);
		}

	}

	/** The milliseconds left before {@code deadline}; a timeout once none are. */
	static int remaining(long deadline) throws SocketTimeoutException {
		long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		if (left <= 0) {
			throw new SocketTimeoutException("deadline passed");
		}
		return (int) Math.min(Integer.MAX_VALUE, left);
	}

	/**
	 * The status line and headers (at most 16 KiB), then the body: at most
	 * {@link Sender#KEEP} bytes of it are kept; when its length is known and at most
	 * {@link #DRAIN} bytes, it is read to its end so that the connection can be kept,
	 * otherwise reading stops at what is kept and the connection is closed. Each read is
	 * given only the time left.
	 */
	static Answer read(Socket socket, long deadline, long started, boolean kept) throws IOException {
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[HEAD + Sender.KEEP];
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
			return new Answer(Sender.failed("the receiver's answer has no end to its headers within 16 KiB", started),
					false);
		}
		String head = new String(buffer, 0, (headEnd >= 0) ? headEnd : length, StandardCharsets.ISO_8859_1);
		String[] lines = head.split("\r?\n");
		String[] statusLine = lines[0].split(" ");
		if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
			return new Answer(Sender.failed("the receiver did not answer HTTP", started), false);
		}
		int status = Integer.parseInt(statusLine[1]);
		if (headEnd < 0) {
			return new Answer(new Sender.Result(status, "", null, millis(started)), false);
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
		return new Answer(new Sender.Result(status, kept0, null, millis(started)), reusable);
	}

	/**
	 * An answer's body after its head: keeps its first {@link Sender#KEEP} bytes and
	 * reads at most {@link #DRAIN} bytes in all.
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
				int keep = Math.min(n, Sender.KEEP - this.kept.size());
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
				consume(Math.min(length, Sender.KEEP));
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
			while (this.kept.size() < Sender.KEEP) {
				if (this.position == this.limit && !fill()) {
					break;
				}
				consume(Math.min(this.limit - this.position, Sender.KEEP - this.kept.size()));
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

}
