package dev.storekeeper.platform.web;

import dev.storekeeper.platform.Times;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Stored first responses per {@code Idempotency-Key}, account and mode, kept for 24
 * hours.
 */
@Repository
class IdempotencyKeys {

	static final Duration TTL = Duration.ofHours(24);

	private static final String CLAIM = """
			insert into idempotency_keys (account_id, livemode, idem_key, fingerprint, state, created_at)
			values (:accountId, :livemode, :key, :fingerprint, 'running', :now)
			""";

	private static final String FIND = """
			select fingerprint, state, status, content_type, location, body, sealed, required_access, created_at
			from idempotency_keys where account_id = :accountId and livemode = :livemode and idem_key = :key
			""";

	private static final String DELETE_EXPIRED = """
			delete from idempotency_keys
			where account_id = :accountId and livemode = :livemode and idem_key = :key and created_at < :cutoff
			""";

	private static final String COMPLETE = """
			update idempotency_keys set state = 'done', status = :status, content_type = :contentType,
			  location = :location, body = :body, sealed = :sealed, required_access = :requiredAccess
			where account_id = :accountId and livemode = :livemode and idem_key = :key
			""";

	private static final String RELEASE = """
			delete from idempotency_keys where account_id = :accountId and livemode = :livemode and idem_key = :key
			""";

	private static final String PURGE = "delete from idempotency_keys where created_at < :cutoff";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SealedResponses sealed;

	IdempotencyKeys(JdbcClient jdbc, Clock clock, SealedResponses sealed) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sealed = sealed;
	}

	/**
	 * A response stored for a key, or one still being produced ({@code status} null).
	 *
	 * @param requiredAccess the access level the request's route needs, null when not
	 * known
	 */
	record Stored(String fingerprint, boolean running, @Nullable Integer status, @Nullable String contentType,
			@Nullable String location, @Nullable String body, @Nullable Access requiredAccess) {
	}

	/**
	 * Claims the key for a new request, or returns what an earlier request with it
	 * stored.
	 */
	Optional<Stored> claim(Caller caller, String key, String fingerprint) {
		Instant now = Times.now(this.clock);
		this.jdbc.sql(DELETE_EXPIRED)
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("key", key)
			.param("cutoff", Times.db(now.minus(TTL)))
			.update();
		try {
			this.jdbc.sql(CLAIM)
				.param("accountId", caller.accountId())
				.param("livemode", caller.livemode())
				.param("key", key)
				.param("fingerprint", fingerprint)
				.param("now", Times.db(now))
				.update();
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			return this.jdbc.sql(FIND)
				.param("accountId", caller.accountId())
				.param("livemode", caller.livemode())
				.param("key", key)
				.query((rs, n) -> new Stored(rs.getString("fingerprint"), "running".equals(rs.getString("state")),
						(Integer) rs.getObject("status", Integer.class), rs.getString("content_type"),
						rs.getString("location"), body(caller, key, rs.getString("body"), rs.getBoolean("sealed")),
						Access.parse(String.valueOf(rs.getString("required_access")))))
				.optional()
				.or(() -> Optional.of(new Stored(fingerprint, true, null, null, null, null, null)));
		}
	}

	private @Nullable String body(Caller caller, String key, @Nullable String stored, boolean sealed) {
		return (stored != null && sealed) ? this.sealed.open(context(caller, key), stored) : stored;
	}

	private static String context(Caller caller, String key) {
		return caller.accountId() + "/" + caller.livemode() + "/" + key;
	}

	/**
	 * Stores the first response for the key; {@code secret} (it carries a credential
	 * shown once) encrypts the body at rest.
	 */
	void complete(Caller caller, String key, int status, @Nullable String contentType, @Nullable String location,
			String body, boolean secret, @Nullable Access requiredAccess) {
		this.jdbc.sql(COMPLETE)
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("key", key)
			.param("status", status)
			.param("contentType", contentType)
			.param("location", location)
			.param("body", secret ? this.sealed.seal(context(caller, key), body) : body)
			.param("sealed", secret)
			.param("requiredAccess", (requiredAccess != null) ? requiredAccess.wire() : null)
			.update();
	}

	/**
	 * Forgets every stored response older than 24 hours, secrets included: a key is
	 * replayed for 24 hours, then forgotten.
	 */
	@Scheduled(fixedDelayString = "${storekeeper.idempotency.purge-interval:PT10M}",
			initialDelayString = "${storekeeper.idempotency.purge-interval:PT10M}")
	void purge() {
		this.jdbc.sql(PURGE).param("cutoff", Times.db(Times.now(this.clock).minus(TTL))).update();
	}

	/** Forgets the key, so a request that failed unexpectedly can be retried with it. */
	void release(Caller caller, String key) {
		this.jdbc.sql(RELEASE)
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("key", key)
			.update();
	}

}
