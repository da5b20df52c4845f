package dev.storekeeper.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A receiver that answers a byte at a time: a whole valid answer, each byte
 * {@code pauseMillis} after the last, or (with {@code hold}) one byte and then nothing
 * until released.
 */
final class SlowReceiver implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final CountDownLatch released = new CountDownLatch(1);

	final CountDownLatch connected = new CountDownLatch(1);

	SlowReceiver(long pauseMillis, boolean hold) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		this.threads.submit(() -> {
			while (!this.server.isClosed()) {
				Socket socket = this.server.accept();
				this.threads.submit(() -> answer(socket, pauseMillis, hold));
			}
			return null;
		});
	}

	private Void answer(Socket socket, long pauseMillis, boolean hold) throws Exception {
		try (socket) {
			readRequest(socket.getInputStream());
			this.connected.countDown();
			OutputStream out = socket.getOutputStream();
			byte[] answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
				.getBytes(StandardCharsets.ISO_8859_1);
			for (byte b : answer) {
				out.write(b);
				out.flush();
				if (hold) {
					this.released.await(2, TimeUnit.MINUTES);
				}
				else if (this.released.await(pauseMillis, TimeUnit.MILLISECONDS)) {
					return null;
				}
			}
		}
		catch (IOException ex) {
			// the sender gave up: what this receiver is for
		}
		return null;
	}

	private static void readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		int b;
		while ((b = in.read()) != -1) {
			head.append((char) b);
			if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
				break;
			}
		}
		String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
		int at = lower.indexOf("content-length:");
		if (at >= 0) {
			int end = lower.indexOf('\r', at);
			in.readNBytes(Integer.parseInt(lower.substring(at + 15, end).trim()));
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort() + "/slow";
	}

	void release() {
		this.released.countDown();
	}

	@Override
	public void close() throws IOException {
		release();
		this.server.close();
		this.threads.shutdownNow();
	}

}
