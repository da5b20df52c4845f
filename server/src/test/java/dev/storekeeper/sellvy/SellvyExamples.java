package dev.storekeeper.sellvy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the seed's examples (test resources {@code sellvy/}) as written, in their own
 * interpreter, with only the base URL and the key replaced; a missing interpreter or
 * module fails the test with a clear message.
 */
final class SellvyExamples {

	static final String SEED_BASE = "https://api.sellvy.io/v1";

	static final String SEED_KEY = "sk_live_your_api_key";

	private SellvyExamples() {
	}

	static String source(String name) {
		try (InputStream in = SellvyExamples.class.getClassLoader().getResourceAsStream("sellvy/" + name)) {
			if (in == null) {
				throw new IllegalStateException("sellvy/" + name + " is missing from the test resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The example with the server's base URL and the token in place of the seed's. */
	static String against(String name, String base, String token) {
		return source(name).replace(SEED_BASE, base).replace(SEED_KEY, token);
	}

	/**
	 * Runs {@code code} in {@code interpreter} ({@code python3} or {@code node}); its
	 * output.
	 */
	static Result run(String interpreter, String code, String extension) throws Exception {
		Path file = Files.createTempFile("sellvy-example", extension);
		try {
			Files.writeString(file, code);
			List<String> command = new ArrayList<>(List.of(interpreter, file.toString()));
			Process process;
			try {
				process = new ProcessBuilder(command).redirectErrorStream(true).start();
			}
			catch (IOException ex) {
				throw new AssertionError("The seed's example needs " + interpreter
						+ " on the PATH to run as written, and it is not there: " + ex.getMessage(), ex);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(interpreter + " did not finish the example within 60 s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (output.contains("ModuleNotFoundError")) {
				throw new AssertionError("The seed's Python example imports a module this python3 lacks "
						+ "(the seed uses the requests library): " + output);
			}
			return new Result(process.exitValue(), output.strip());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	record Result(int exit, String output) {
	}

}
