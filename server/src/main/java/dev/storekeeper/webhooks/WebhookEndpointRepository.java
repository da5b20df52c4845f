package dev.storekeeper.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.jdbc.Invalidations;
import dev.storekeeper.platform.jdbc.ReadCache;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.Times;
import dev.storekeeper.webhooks.WebhookEndpoints.Endpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Webhook endpoints in {@code webhook_endpoints}. */
@Repository
class WebhookEndpointRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, url, secret, enabled_events, status, description, dialect, created_at,
			  updated_at
			""";

	private static final String SCOPE = " from webhook_endpoints where account_id = :accountId and livemode = :livemode";

	private static final String COUNT = "select count(*)" + SCOPE;

	private static final String PAGE = "select " + COLUMNS + SCOPE + Scoped.newestFirst("");

	private static final String FIND = "select " + COLUMNS + SCOPE + " and (prefix_id = :prefixId or id = :id)";

	private static final String ACTIVE = "select " + COLUMNS + SCOPE + " and status = 'active'";

	private static final String BY_ID = "select " + COLUMNS + " from webhook_endpoints where id = :id";

	private static final String INSERT = """
			insert into webhook_endpoints (prefix_id, account_id, livemode, url, secret, enabled_events, status,
			  description, dialect, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :url, :secret, :events, :status, :description, :dialect, :now,
			  :now)
			""";

	private static final String UPDATE = """
			update webhook_endpoints set url = :url, enabled_events = :events, status = :status,
			  description = :description, dialect = :dialect, updated_at = :now where id = :id
			""";

	private static final String SET_SECRET = """
			update webhook_endpoints set secret = :secret, updated_at = :now where id = :id
			""";

	private static final String DELETE = "delete from webhook_endpoints where id = :id";

	private static final String DISABLE = """
			update webhook_endpoints set status = 'disabled', updated_at = :now where id = :id
			""";

	private final JdbcClient jdbc;

	/**
	 * The active endpoints of an account and mode, which every change that records events
	 * asks for (does it need Sellvy renderings?); any endpoint change forgets them.
	 */
	private final ReadCache active;

	WebhookEndpointRepository(JdbcClient jdbc, Invalidations invalidations,
			@Value("${storekeeper.cache-ttl:1s}") Duration cacheTtl) {
		this.jdbc = jdbc;
		this.active = invalidations.share("webhook_endpoints", new ReadCache(cacheTtl));
	}

	/** An endpoint's editable values. */
	record Draft(@Nullable String url, List<String> events, String status, @Nullable String description,
			String dialect) {
	}

	long count(long accountId, boolean livemode) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode);
	}

	List<Endpoint> page(long accountId, boolean livemode, PageQuery page) {
		return Scoped.page(this.jdbc, PAGE, accountId, livemode, page, WebhookEndpointRepository::row);
	}

	long insert(String prefixId, long accountId, boolean livemode, Draft draft, String secret, Instant now) {
		this.active.changing();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("url", draft.url())
			.param("secret", secret)
			.param("events", String.join(",", draft.events()))
			.param("status", draft.status())
			.param("description", draft.description())
			.param("dialect", draft.dialect())
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, Draft draft, Instant now) {
		this.active.changing();
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("url", draft.url())
			.param("events", String.join(",", draft.events()))
			.param("status", draft.status())
			.param("description", draft.description())
			.param("dialect", draft.dialect())
			.param("now", Times.db(now))
			.update();
	}

	void setSecret(long id, String secret, Instant now) {
		this.active.changing();
		this.jdbc.sql(SET_SECRET).param("id", id).param("secret", secret).param("now", Times.db(now)).update();
	}

	void delete(long id) {
		this.active.changing();
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	/** The account's endpoint named by a prefixId or an integer id. */
	Optional<Endpoint> find(long accountId, boolean livemode, Ref ref) {
		return this.jdbc.sql(FIND)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("prefixId", (ref.prefixId() != null) ? ref.prefixId() : "")
			.param("id", (ref.id() != null) ? ref.id() : -1L)
			.query(WebhookEndpointRepository::row)
			.optional();
	}

	/** The active endpoints of an account and mode. */
	@SuppressWarnings("unchecked")
	List<Endpoint> active(long accountId, boolean livemode) {
		Scope key = new Scope(accountId, livemode);
		long generation = this.active.generation();
		List<Endpoint> endpoints = (List<Endpoint>) this.active.get(key, generation);
		if (endpoints == null) {
			endpoints = List.copyOf(this.jdbc.sql(ACTIVE)
				.param("accountId", accountId)
				.param("livemode", livemode)
				.query(WebhookEndpointRepository::row)
				.list());
			this.active.put(key, endpoints, generation);
		}
		return endpoints;
	}

	private record Scope(long accountId, boolean livemode) {
	}

	/** Whether the account has an active Sellvy-dialect endpoint in that mode. */
	boolean hasSellvy(long accountId, boolean livemode) {
		return active(accountId, livemode).stream().anyMatch(Endpoint::sellvy);
	}

	Optional<Endpoint> byId(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(WebhookEndpointRepository::row).optional();
	}

	void disable(long id, Instant now) {
		this.active.changing();
		this.jdbc.sql(DISABLE).param("id", id).param("now", Times.db(now)).update();
	}

	private static Endpoint row(ResultSet rs, int n) throws SQLException {
		return new Endpoint(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("url"), rs.getString("secret"),
				List.of(rs.getString("enabled_events").split(",")), rs.getString("status"), rs.getString("description"),
				rs.getString("dialect"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
