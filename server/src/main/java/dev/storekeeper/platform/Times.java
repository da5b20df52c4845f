package dev.storekeeper.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/** Time as the API shows it, to the second in UTC, and as the database stores it. */
public final class Times {

	private Times() {
	}

	/** Now, to the second. */
	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/** A value to bind as a {@code timestamp with time zone} parameter. */
	public static @Nullable OffsetDateTime db(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A {@code timestamp with time zone} column, or null. */
	public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant().truncatedTo(ChronoUnit.SECONDS) : null;
	}

}
