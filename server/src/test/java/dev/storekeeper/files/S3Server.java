package dev.storekeeper.files;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Adobe S3Mock's standalone jar run as a separate process: a real S3-compatible server on
 * a free port, with one bucket. The build copies the jar into {@code target/s3mock}.
 */
final class S3Server {

	static final String BUCKET = "storekeeper-files";

	private final Process process;

	private final int port;

	private S3Server(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	static S3Server start() throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No S3Mock jar at " + jar.toAbsolutePath()
					+ ": run the tests through Maven, which copies com.adobe.testing:s3mock:exec there");
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path root = Files.createTempDirectory("s3mock");
		Path log = root.resolveSibling(root.getFileName() + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(
				List.of(java, "-Xmx256m", "-jar", jar.toString(), "--com.adobe.testing.s3mock.httpPort=" + port,
						"--server.port=0", "--com.adobe.testing.s3mock.domain.initialBuckets=" + BUCKET,
						"--com.adobe.testing.s3mock.domain.root=" + root, "--spring.main.banner-mode=off"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		S3Server server = new S3Server(process, port);
		server.awaitReady(log);
		return server;
	}

	/** Waits for the process to answer HTTP (it starts in a few seconds), or fails. */
	private void awaitReady(Path log) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create(endpoint() + "/" + BUCKET)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		stop();
		throw new IllegalStateException("S3Mock did not start within 2 minutes: " + Files.readString(log));
	}

	void stop() {
		this.process.destroy();
	}

}
