package dev.storekeeper.platform.jdbc;

import dev.storekeeper.platform.web.Ids;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Server-wide values kept in the {@code settings} table, by name. */
public final class Settings {

	private static final String FIND = "select setting from settings where name = :name";

	private static final String INSERT = "insert into settings (name, setting) values (:name, :value)";

	private Settings() {
	}

	/**
	 * The setting {@code name}, made of 48 random characters by whichever node or command
	 * asks first; the others read that one.
	 */
	public static String generated(JdbcClient jdbc, String name) {
		String stored = jdbc.sql(FIND).param("name", name).query(String.class).optional().orElse(null);
		if (stored == null) {
			try {
				jdbc.sql(INSERT).param("name", name).param("value", Ids.random(48)).update();
			}
			catch (DuplicateKeyException ex) {
				// another node or command generated it first; read theirs
			}
			stored = jdbc.sql(FIND).param("name", name).query(String.class).single();
		}
		return stored;
	}

}
