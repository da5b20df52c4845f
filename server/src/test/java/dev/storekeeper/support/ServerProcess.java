package dev.storekeeper.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.storekeeper.StorekeeperApplication;

/**
 * The server, or one of the jar's commands, in a process of its own: the application's
 * classes and libraries without the tests' (what the jar holds), on the database the
 * suite runs on (the PostgreSQL of {@code DATABASE_URL}, else an embedded H2 database in
 * the given data directory). A server's output goes to {@code target/server-processes}.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Path LOGS = Path.of("target", "server-processes");

	private final Process process;

	private final Path log;

	private final Http http;

	private ServerProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.http = new Http("http://127.0.0.1:" + port, null);
	}

	/** Whether the suite runs on PostgreSQL rather than embedded H2. */
	public static boolean onPostgres() {
		String url = System.getenv("DATABASE_URL");
		return url != null && !url.isBlank();
	}

	/**
	 * Starts a server on the data directory and waits until {@code /health} answers 200.
	 */
	public static ServerProcess start(String name, Path dataDir, Map<String, String> env) {
		int port = freePort();
		try {
			Files.createDirectories(LOGS);
			Path log = LOGS.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(
					command(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), List.of()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			builder.environment().putAll(env);
			builder.environment().put("STOREKEEPER_DATA_DIR", dataDir.toAbsolutePath().toString());
			builder.environment().put("PORT", String.valueOf(port));
			builder.environment().put("RATE_LIMIT_PER_MINUTE", "0");
			// a small pool: the suite's database serves other clients too
			builder.environment().put("DATABASE_POOL_SIZE", "10");
			ServerProcess server = new ServerProcess(builder.start(), log, port);
			server.awaitHealthy(Duration.ofSeconds(180));
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A client for this server. */
	public Http http() {
		return this.http;
	}

	/** The operating system's id of the server's process. */
	public long pid() {
		return this.process.pid();
	}

	/** Sends the process SIGKILL, as a crash would, without waiting. */
	public void crash() {
		this.process.destroyForcibly();
	}

	/** Kills the process with SIGKILL, as a crash would, and waits until it is gone. */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/** Stops the server as an operator would (SIGTERM), and waits until it is gone. */
	public void stop() {
		this.process.destroy();
		waitForExit();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	/** The end of the server's output, for a failing test's message. */
	public String logTail() {
		try {
			String text = Files.readString(this.log, StandardCharsets.UTF_8);
			return text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** The outcome of one of the jar's commands. */
	public record Run(int exit, String out, String err) {

		/** The last line printed, where commands print what they made. */
		public String lastLine() {
			String[] lines = this.out.strip().split("\n");
			return lines[lines.length - 1].strip();
		}

	}

	/** Runs one of the jar's commands on the data directory and waits for it. */
	public static Run command(Path dataDir, String... args) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command(List.of("-XX:TieredStopAtLevel=1"), List.of(args)));
			builder.environment().put("STOREKEEPER_DATA_DIR", dataDir.toAbsolutePath().toString());
			builder.environment().put("DATABASE_POOL_SIZE", "2");
			Path err = Files.createTempFile("storekeeper-command", ".err");
			builder.redirectError(err.toFile());
			Process process = builder.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("java -jar storekeeper.jar " + String.join(" ", args) + " hung");
			}
			Run run = new Run(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
			Files.delete(err);
			return run;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> command(List<String> jvmOptions, List<String> args) {
		String java = ProcessHandle.current().info().command().orElse("java");
		// the application as the jar holds it: the tests' classes stay out
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath, StorekeeperApplication.class.getName()));
		command.addAll(args);
		return command;
	}

	private void awaitHealthy(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The server exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			try {
				if (this.http.get("/health").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		kill();
		throw new IllegalStateException("The server did not answer /health within " + within + ":\n" + logTail());
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
