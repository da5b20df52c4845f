package dev.storekeeper;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;

import dev.storekeeper.cli.Commands;
import dev.storekeeper.platform.jdbc.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Storekeeper: a self-hostable commerce server for creators who sell digital products.
 */
@SpringBootApplication
public class StorekeeperApplication {

	/** Starts the server, or runs one of the jar's commands (see {@code help}). */
	public static void main(String[] args) {
		EmbeddedDatabase.listenLocally();
		if (!Commands.isCommand(args)) {
			carriersForTheEmbeddedDatabase(args, System.getenv());
			aheadOfTimeWhenPackaged();
			SpringApplication.run(StorekeeperApplication.class, args);
			return;
		}
		if (Commands.isHelp(args)) {
			Commands.printUsage(System.out);
			return;
		}
		if (Commands.isOffline(args)) {
			// the configuration only: nothing opens or migrates the database
			SpringApplication offline = new SpringApplication(Commands.class);
			offline.setWebApplicationType(WebApplicationType.NONE);
			offline.setLogStartupInfo(false);
			offline.setDefaultProperties(Map.of("logging.level.root", "warn"));
			int code;
			try (ConfigurableApplicationContext context = offline.run()) {
				code = Commands.runOffline(args, context.getEnvironment(), System.out, System.err);
			}
			System.exit(code);
			return;
		}
		SpringApplication app = new SpringApplication(StorekeeperApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setLogStartupInfo(false);
		app.setDefaultProperties(Map.of("logging.level.root", "warn", "logging.level.org.flywaydb", "warn",
				"storekeeper.webhooks.poller-enabled", "false"));
		int code;
		try (ConfigurableApplicationContext context = app.run()) {
			code = Commands.run(args, context, System.out, System.err);
		}
		System.exit(code);
	}

	private static final String AOT_ENABLED = "spring.aot.enabled";

	static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

	/**
	 * On the embedded H2 database, requests run on twice as many carrier threads as there
	 * are cores (unless {@code -Djdk.virtualThreadScheduler.parallelism} says otherwise).
	 * H2 runs inside the server and guards its page cache with Java monitors; virtual
	 * threads are not preempted, so a request handed such a monitor waited for a carrier
	 * while every carrier ran other requests' CPU-bound work (no database round trip to
	 * yield at), and the requests queued behind the monitor waited with it: orders pages
	 * of 2 to 5 s under load (bench/RESULTS.md). With more carriers than cores the
	 * operating system time-slices them, and the hand-over happens within a time slice.
	 * On PostgreSQL requests yield at every statement, and more carriers measured no
	 * better. Set before the first virtual thread is made, which fixes the scheduler.
	 */
	static void carriersForTheEmbeddedDatabase(String[] args, Map<String, String> environment) {
		if (System.getProperty(CARRIERS) == null && embeddedDatabase(args, environment)) {
			System.setProperty(CARRIERS, String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
		}
	}

	/**
	 * Whether the server will run on the embedded H2 database: no {@code DATABASE_URL}
	 * (environment, {@code -Dstorekeeper.database-url} or
	 * {@code --storekeeper.database-url=}), or an H2 one.
	 */
	static boolean embeddedDatabase(String[] args, Map<String, String> environment) {
		String url = environment.get("DATABASE_URL");
		String property = System.getProperty("storekeeper.database-url");
		if (property != null) {
			url = property;
		}
		for (String arg : args) {
			if (arg.startsWith("--storekeeper.database-url=")) {
				url = arg.substring("--storekeeper.database-url=".length());
			}
		}
		return url == null || url.isBlank() || url.startsWith("jdbc:h2:");
	}

	/**
	 * Starts the server from the bean definitions the build worked out ahead of time
	 * (Spring AOT, {@code process-aot}) rather than scanning and parsing the
	 * configuration at every start, when it runs from the packaged jar, where they match
	 * the classes beside them; not from a classes directory, which may hold those of an
	 * earlier build. {@code -Dspring.aot.enabled=false} turns it off.
	 */
	static void aheadOfTimeWhenPackaged() {
		if (System.getProperty(AOT_ENABLED) != null) {
			return;
		}
		ClassLoader loader = StorekeeperApplication.class.getClassLoader();
		if (packaged() && ClassUtils
			.isPresent(StorekeeperApplication.class.getName() + "__ApplicationContextInitializer", loader)) {
			System.setProperty(AOT_ENABLED, "true");
		}
	}

	private static boolean packaged() {
		CodeSource source = StorekeeperApplication.class.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			return false;
		}
		URL location = source.getLocation();
		if (!"file".equals(location.getProtocol())) {
			// nested in the jar (jar:nested:…)
			return true;
		}
		try {
			return !Files.isDirectory(Path.of(location.toURI()));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

}
