package dev.storekeeper.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.accounts.ApiToken;
import dev.storekeeper.accounts.ApiTokens;
import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.jdbc.EmbeddedDatabase;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.RatePlan;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs one operator command against the configured database (also while the server runs
 * on it) and returns the process's exit code: 0 done, 1 refused, 2 misused.
 */
public final class Commands {

	static final String USAGE = """
			usage:
			  java -jar storekeeper.jar                 start the server
			  java -jar storekeeper.jar token create --name NAME [--mode live|test] [--access read|write|full] [--account SUBDOMAIN]
			  java -jar storekeeper.jar account create --name NAME --subdomain SUBDOMAIN [--plan free|pro|business]
			  java -jar storekeeper.jar migrate
			  java -jar storekeeper.jar backup --to FILE      (embedded H2 database; while the server runs)
			  java -jar storekeeper.jar restore --from FILE   (embedded H2 database; with the server stopped)
			""";

	private static final Set<String> COMMANDS = Set.of("token", "account", "migrate", "backup", "restore", "help",
			"--help");

	private static final Set<String> OFFLINE = Set.of("backup", "restore");

	private Commands() {
	}

	/** Whether the arguments name a command rather than starting the server. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/** Whether the command needs no database (help). */
	public static boolean isHelp(String[] args) {
		return args.length > 0 && (args[0].equals("help") || args[0].equals("--help"));
	}

	/**
	 * Whether the command works on the database's files rather than through the
	 * application ({@link #runOffline}).
	 */
	public static boolean isOffline(String[] args) {
		return args.length > 0 && OFFLINE.contains(args[0]);
	}

	/**
	 * Runs {@code backup} or {@code restore} with the configuration only: neither starts
	 * the application or migrates the database.
	 */
	public static int runOffline(String[] args, Environment environment, PrintStream out, PrintStream err) {
		String databaseUrl = environment.getProperty("storekeeper.database-url", "");
		Path dataDir = Path.of(environment.getProperty("storekeeper.data-dir", "./data"));
		try {
			Map<String, String> options = options(args, 1, Set.of(args[0].equals("backup") ? "to" : "from"));
			if (!EmbeddedDatabase.isChosen(databaseUrl)) {
				err.println("error: the database is PostgreSQL (DATABASE_URL): use its own tools, which copy it "
						+ "consistently while the servers run, e.g.");
				err.println("  pg_dump --format=custom --file=storekeeper.dump \"$DATABASE_URL\"");
				err.println("  pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE_URL\" storekeeper.dump");
				err.println("(with DATABASE_URL in its postgres:// form)");
				return 1;
			}
			if (args[0].equals("backup")) {
				Path to = Path.of(required(options, "to")).toAbsolutePath();
				EmbeddedDatabase.backup(dataDir, to);
				out.println("Backed up the database in " + dataDir.toAbsolutePath() + " to:");
				out.println(to);
				return 0;
			}
			Path from = Path.of(required(options, "from")).toAbsolutePath();
			Path kept = EmbeddedDatabase.restore(dataDir, from);
			if (kept != null) {
				out.println("The database that was there is kept as " + kept);
			}
			out.println("Restored " + from + " into " + dataDir.toAbsolutePath() + ".");
			return 0;
		}
		catch (EmbeddedDatabase.Refused ex) {
			err.println("error: " + ex.getMessage());
			return 1;
		}
		catch (IllegalArgumentException ex) {
			return misuse(err, ex.getMessage());
		}
	}

	public static void printUsage(PrintStream out) {
		out.print(USAGE);
	}

	/** Runs the command with the beans of a started (non-web) application. */
	public static int run(String[] args, ApplicationContext context, PrintStream out, PrintStream err) {
		try {
			return switch (args[0]) {
				case "migrate" -> {
					out.println("Database migrated.");
					yield 0;
				}
				case "token" -> token(args, context, out, err);
				case "account" -> account(args, context, out, err);
				default -> misuse(err, "unknown command: " + args[0]);
			};
		}
		catch (InvalidRecord ex) {
			err.println("error: " + ex.getMessage());
			return 1;
		}
		catch (NotFound ex) {
			err.println("error: " + ex.getMessage());
			return 1;
		}
		catch (IllegalArgumentException ex) {
			return misuse(err, ex.getMessage());
		}
	}

	private static int token(String[] args, ApplicationContext context, PrintStream out, PrintStream err) {
		if (args.length < 2 || !args[1].equals("create")) {
			return misuse(err, "expected: token create");
		}
		Map<String, String> options = options(args, 2, Set.of("name", "mode", "access", "account"));
		String name = required(options, "name");
		String mode = options.getOrDefault("mode", "test");
		if (!mode.equals("live") && !mode.equals("test")) {
			return misuse(err, "--mode must be live or test");
		}
		Access access = Access.parse(options.getOrDefault("access", "full"));
		if (access == null) {
			return misuse(err, "--access must be read, write or full");
		}
		Accounts accounts = context.getBean(Accounts.class);
		Account account = options.containsKey("account") ? accounts.bySubdomain(options.get("account"))
				: accounts.ensureDefault();
		ApiToken.Issued issued = context.getBean(ApiTokens.class)
			.issue(account.id(), mode.equals("live"), name, access);
		out.println("Created " + mode + " API token " + issued.token().prefixId() + " (" + access.wire()
				+ " access) for account " + account.subdomain() + ". It is shown only once:");
		out.println(issued.secret());
		return 0;
	}

	private static int account(String[] args, ApplicationContext context, PrintStream out, PrintStream err) {
		if (args.length < 2 || !args[1].equals("create")) {
			return misuse(err, "expected: account create");
		}
		Map<String, String> options = options(args, 2, Set.of("name", "subdomain", "plan"));
		RatePlan plan = null;
		if (options.containsKey("plan")) {
			plan = RatePlan.parse(options.get("plan"));
			if (plan == null) {
				return misuse(err, "--plan must be free, pro or business");
			}
		}
		Account account = context.getBean(Accounts.class)
			.create(required(options, "name"), required(options, "subdomain"), plan);
		out.println("Created account " + account.prefixId() + " (" + account.subdomain() + ").");
		out.println(account.subdomain());
		return 0;
	}

	private static Map<String, String> options(String[] args, int from, Set<String> allowed) {
		Map<String, String> options = new HashMap<>();
		List<String> rest = List.of(args).subList(from, args.length);
		for (int i = 0; i < rest.size(); i++) {
			String arg = rest.get(i);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument: " + arg);
			}
			String name = arg.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (i + 1 < rest.size()) {
				value = rest.get(++i);
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			options.put(name, value);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	private static int misuse(PrintStream err, String message) {
		err.println("error: " + message);
		err.print(USAGE);
		return 2;
	}

}
