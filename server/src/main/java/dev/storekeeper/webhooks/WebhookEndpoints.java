package dev.storekeeper.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.Caller;
import dev.storekeeper.platform.Errors;
import dev.storekeeper.platform.Fields;
import dev.storekeeper.platform.Ids;
import dev.storekeeper.platform.NotFound;
import dev.storekeeper.platform.Page;
import dev.storekeeper.platform.PageQuery;
import dev.storekeeper.platform.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The addresses a seller's events are delivered to, one mode each; their secret is shown
 * only when made.
 */
@Service
public class WebhookEndpoints {

	/** Every event type an endpoint can ask for. */
	public static final List<String> EVENT_TYPES = List.of("checkout.created", "checkout.completed", "order.created",
			"order.paid", "order.refunded", "order.disputed", "payment.failed", "customer.created", "lead.created",
			"product.created", "product.updated", "product.deleted", "product.low_stock", "review.created");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, url, secret, enabled_events, status, description, created_at, updated_at
			""";

	private static final String SCOPE = " from webhook_endpoints where account_id = :accountId and livemode = :livemode";

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookEndpoints(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An endpoint as stored. */
	record Endpoint(long id, String prefixId, long accountId, boolean livemode, String url, String secret,
			List<String> enabledEvents, String status, @Nullable String description, Instant createdAt,
			Instant updatedAt) {

		boolean wants(String type) {
			return this.status.equals("active")
					&& (this.enabledEvents.contains("*") || this.enabledEvents.contains(type));
		}

	}

	/** An endpoint on the wire; {@code secret} only when it was just made or rotated. */
	public record EndpointJson(long id, String prefixId, String url, List<String> enabledEvents, String status,
			@Nullable String description, @Nullable String secret, boolean livemode, Instant createdAt,
			Instant updatedAt) {

		static EndpointJson of(Endpoint endpoint, boolean withSecret) {
			return new EndpointJson(endpoint.id(), endpoint.prefixId(), endpoint.url(), endpoint.enabledEvents(),
					endpoint.status(), endpoint.description(), withSecret ? endpoint.secret() : null,
					endpoint.livemode(), endpoint.createdAt(), endpoint.updatedAt());
		}

	}

	@Transactional(readOnly = true)
	Page<EndpointJson> list(Caller caller, PageQuery page) {
		long count = this.jdbc.sql("select count(*)" + SCOPE)
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.query(Long.class)
			.single();
		List<EndpointJson> items = this.jdbc
			.sql("select " + COLUMNS + SCOPE + " order by created_at desc, id desc limit :limit offset :offset")
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list()
			.stream()
			.map((endpoint) -> EndpointJson.of(endpoint, false))
			.toList();
		return Page.of(items, page, count);
	}

	@Transactional
	EndpointJson create(Caller caller, Fields fields) {
		Draft draft = apply(caller, fields, new Draft(null, List.of("*"), "active", null), true);
		Instant now = Times.now(this.clock);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into webhook_endpoints (prefix_id, account_id, livemode, url, secret, enabled_events, status,
				  description, created_at, updated_at)
				values (:prefixId, :accountId, :livemode, :url, :secret, :events, :status, :description, :now, :now)
				""")
			.param("prefixId", Ids.next("we"))
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("url", draft.url())
			.param("secret", newSecret())
			.param("events", String.join(",", draft.events()))
			.param("status", draft.status())
			.param("description", draft.description())
			.param("now", Times.db(now))
			.update(keys, "id");
		return EndpointJson.of(find(caller, String.valueOf(keys.getKeyAs(Long.class))), true);
	}

	@Transactional
	EndpointJson update(Caller caller, String key, Fields fields) {
		Endpoint endpoint = find(caller, key);
		Draft draft = apply(caller, fields,
				new Draft(endpoint.url(), endpoint.enabledEvents(), endpoint.status(), endpoint.description()), false);
		this.jdbc.sql("""
				update webhook_endpoints set url = :url, enabled_events = :events, status = :status,
				  description = :description, updated_at = :now where id = :id
				""")
			.param("id", endpoint.id())
			.param("url", draft.url())
			.param("events", String.join(",", draft.events()))
			.param("status", draft.status())
			.param("description", draft.description())
			.param("now", Times.db(Times.now(this.clock)))
			.update();
		return EndpointJson.of(find(caller, key), false);
	}

	@Transactional
	EndpointJson rotate(Caller caller, String key) {
		Endpoint endpoint = find(caller, key);
		this.jdbc.sql("update webhook_endpoints set secret = :secret, updated_at = :now where id = :id")
			.param("id", endpoint.id())
			.param("secret", newSecret())
			.param("now", Times.db(Times.now(this.clock)))
			.update();
		return EndpointJson.of(find(caller, key), true);
	}

	@Transactional
	void delete(Caller caller, String key) {
		this.jdbc.sql("delete from webhook_endpoints where id = :id").param("id", find(caller, key).id()).update();
	}

	@Transactional(readOnly = true)
	EndpointJson get(Caller caller, String key) {
		return EndpointJson.of(find(caller, key), false);
	}

	Endpoint find(Caller caller, String key) {
		Ref ref = Ref.parse(key);
		return this.jdbc.sql("select " + COLUMNS + SCOPE + " and (prefix_id = :prefixId or id = :id)")
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("prefixId", (ref.prefixId() != null) ? ref.prefixId() : "")
			.param("id", (ref.id() != null) ? ref.id() : -1L)
			.query(this::row)
			.optional()
			.orElseThrow(() -> new NotFound("Webhook endpoint"));
	}

	/** The active endpoints of an account and mode. */
	List<Endpoint> active(long accountId, boolean livemode) {
		return this.jdbc.sql("select " + COLUMNS + SCOPE + " and status = 'active'")
			.param("accountId", accountId)
			.param("livemode", livemode)
			.query(this::row)
			.list();
	}

	Optional<Endpoint> byId(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	void disable(long id) {
		this.jdbc.sql("update webhook_endpoints set status = 'disabled', updated_at = :now where id = :id")
			.param("id", id)
			.param("now", Times.db(Times.now(this.clock)))
			.update();
	}

	private record Draft(@Nullable String url, List<String> events, String status, @Nullable String description) {
	}

	private Draft apply(Caller caller, Fields fields, Draft current, boolean creating) {
		Errors errors = fields.errors();
		String url = (creating || fields.has("url")) ? fields.string("url") : current.url();
		if (url == null || url.isBlank()) {
			if (!errors.has("url")) {
				errors.add("url", "can't be blank");
			}
		}
		else {
			try {
				URI uri = URI.create(url.trim());
				if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
						|| url.length() > 2000) {
					errors.add("url", "must be an http or https URL");
				}
				else if (caller.livemode() && !"https".equals(uri.getScheme())) {
					errors.add("url", "must use HTTPS for a live-mode endpoint");
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add("url", "must be an http or https URL");
			}
		}
		List<String> events = current.events();
		if (fields.has("enabledEvents")) {
			List<String> given = fields.strings("enabledEvents");
			if (given == null || given.isEmpty()) {
				if (!errors.has("enabledEvents")) {
					errors.add("enabledEvents", "can't be blank (use [\"*\"] for every event)");
				}
			}
			else {
				for (String type : given) {
					if (!type.equals("*") && !EVENT_TYPES.contains(type)) {
						errors.add("enabledEvents", "contains an unknown event type: " + type);
					}
				}
				events = new ArrayList<>(new LinkedHashSet<>(given));
			}
		}
		String status = current.status();
		if (fields.has("status")) {
			String value = fields.string("status");
			if (!"active".equals(value) && !"disabled".equals(value)) {
				errors.add("status", "is not included in the list");
			}
			else {
				status = value;
			}
		}
		String description = fields.has("description") ? fields.string("description") : current.description();
		if (description != null && description.length() > 500) {
			errors.add("description", "is too long (maximum is 500 characters)");
		}
		errors.throwIfAny();
		return new Draft((url != null) ? url.trim() : null, events, status, description);
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Signatures.PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	private Endpoint row(ResultSet rs, int n) throws SQLException {
		return new Endpoint(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("url"), rs.getString("secret"),
				List.of(rs.getString("enabled_events").split(",")), rs.getString("status"), rs.getString("description"),
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
