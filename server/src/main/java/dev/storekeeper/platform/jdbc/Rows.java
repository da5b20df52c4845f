package dev.storekeeper.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Reading nullable numbers from a row: JDBC's primitive getters answer 0 for SQL NULL.
 */
public final class Rows {

	private Rows() {
	}

	/** The column as a {@code Long}, or null when it is SQL NULL. */
	public static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** The column as an {@code Integer}, or null when it is SQL NULL. */
	public static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
