package dev.storekeeper;

import java.util.Map;

import dev.storekeeper.cli.Commands;
import dev.storekeeper.platform.jdbc.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Storekeeper: a self-hostable commerce server for creators who sell digital products.
 */
@SpringBootApplication
public class StorekeeperApplication {

	/** Starts the server, or runs one of the jar's commands (see {@code help}). */
	public static void main(String[] args) {
		EmbeddedDatabase.listenLocally();
		if (!Commands.isCommand(args)) {
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

}
