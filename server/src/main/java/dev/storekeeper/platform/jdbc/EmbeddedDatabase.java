package dev.storekeeper.platform.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.h2.api.ErrorCode;
import org.h2.tools.Restore;
import org.jspecify.annotations.Nullable;

/**
 * The embedded H2 database in {@code STOREKEEPER_DATA_DIR}: its address, and its online
 * backup and offline restore.
 * <p>
 * Every commit is written to the database file before the commit returns
 * ({@code WRITE_DELAY=0}; H2 otherwise writes up to half a second later, and a killed
 * process loses what it had acknowledged). H2 does not force the file to the disk
 * ({@code fsync}) at each commit, so what the operating system had not yet written is
 * lost if the machine itself fails. {@code AUTO_SERVER} lets the jar's commands open the
 * database while the server has it open, through a TCP port H2 opens for it: that port
 * listens on the loopback interface only ({@link #listenLocally()}), so no other host can
 * reach the database.
 */
public final class EmbeddedDatabase {

	/** The database's user, which has no password: the files' permissions protect it. */
	public static final String USER = "sa";

	static final String NAME = "storekeeper";

	private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
			+ ";LOCK_TIMEOUT=20000;QUERY_TIMEOUT=" + Storage.STATEMENT_TIMEOUT_MS + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";

	private EmbeddedDatabase() {
	}

	/**
	 * Makes H2's servers (the {@code AUTO_SERVER} port) listen on 127.0.0.1 rather than
	 * on every interface, unless {@code h2.bindAddress} was set; H2 reads it once, so
	 * this runs before H2 is first used.
	 */
	public static void listenLocally() {
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", "127.0.0.1");
		}
	}

	/** The JDBC address of the database in {@code dataDir}. */
	public static String url(Path dataDir) {
		listenLocally();
		return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(NAME) + SETTINGS;
	}

	/**
	 * Whether {@code databaseUrl} (the {@code DATABASE_URL} setting) means this database.
	 */
	public static boolean isChosen(String databaseUrl) {
		return databaseUrl.isBlank();
	}

	/**
	 * Writes a consistent copy of the database in {@code dataDir} to the zip file
	 * {@code to} while the server may be running (through the server's connection when it
	 * runs), which must not exist yet.
	 */
	public static void backup(Path dataDir, Path to) {
		Path target = to.toAbsolutePath();
		if (Files.exists(target)) {
			throw new Refused(target + " already exists: choose a new file");
		}
		Path parent = target.getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			throw new Refused("The directory " + parent + " does not exist");
		}
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try (Connection connection = DriverManager.getConnection(url(dataDir) + ";IFEXISTS=TRUE", USER, "");
				Statement statement = connection.createStatement()) {
			Files.deleteIfExists(partial);
			// H2 copies the last committed state of every table without stopping writers
			statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
				throw new Refused("There is no database in " + dataDir.toAbsolutePath());
			}
			throw new IllegalStateException("The backup failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The backup failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Puts the database of the backup {@code from} in {@code dataDir}, which no process
	 * may have open; a database already there is kept beside it, renamed. Returns the
	 * name it was kept under, or null when there was none.
	 */
	public static @Nullable Path restore(Path dataDir, Path from) {
		if (!Files.isRegularFile(from)) {
			throw new Refused("No backup file " + from.toAbsolutePath());
		}
		if (!holdsDatabase(from)) {
			throw new Refused(from.toAbsolutePath() + " is not a backup of a Storekeeper database");
		}
		Path directory = dataDir.toAbsolutePath();
		Path current = directory.resolve(NAME + ".mv.db");
		Path kept = null;
		try {
			Files.createDirectories(directory);
			if (Files.exists(current)) {
				requireClosed(directory);
				kept = directory.resolve(NAME + ".mv.db.before-restore-"
						+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
				Files.move(current, kept);
			}
			Files.deleteIfExists(directory.resolve(NAME + ".trace.db"));
			Restore.execute(from.toAbsolutePath().toString(), directory.toString(), NAME);
			if (!Files.exists(current)) {
				throw new IllegalStateException("The backup held no database file");
			}
			return kept;
		}
		catch (IOException ex) {
			throw new IllegalStateException("The restore failed: " + ex.getMessage(), ex);
		}
	}

	private static boolean holdsDatabase(Path zip) {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().endsWith(".mv.db")) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Refuses when another process (the server, a command) has the database open. */
	private static void requireClosed(Path directory) {
		String alone = "jdbc:h2:file:" + directory.resolve(NAME) + ";IFEXISTS=TRUE";
		try (Connection connection = DriverManager.getConnection(alone, USER, "")) {
			connection.createStatement().execute("SHUTDOWN");
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
				throw new Refused("The database in " + directory
						+ " is in use: stop the server (and any command using it) before restoring");
			}
			throw new IllegalStateException("Cannot open the database in " + directory + ": " + ex.getMessage(), ex);
		}
	}

	/** An operation refused for a reason the operator can fix. */
	public static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
