package dev.storekeeper.webhooks;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries and their attempts in {@code webhook_deliveries} and
 * {@code webhook_attempts}; the history reads each delivery's event from the outbox's
 * {@code events} table.
 */
@Repository
class DeliveryRepository {

	/** Many deliveries in one statement: {@code :rows} expands to one tuple each. */
	private static final String INSERT_ALL = """
			insert into webhook_deliveries (prefix_id, event_id, endpoint_id, account_id, livemode, status, attempts,
			  next_attempt_at, created_at, updated_at) values :rows
			""";

	/** The most rows one insert takes (ten parameters each). */
	private static final int ROWS_PER_INSERT = 1000;

	private static final String DUE = """
			select id, endpoint_id from webhook_deliveries where status = 'pending' and next_attempt_at <= :now
			  and (locked_until is null or locked_until < :now) and endpoint_id not in (:busy)
			order by next_attempt_at, id limit :limit
			""";

	private static final String CLAIM = """
			update webhook_deliveries set locked_until = :until
			where id = :id and status = 'pending' and next_attempt_at <= :now
			  and (locked_until is null or locked_until < :now)
			""";

	private static final String CLAIM_ALL = """
			update webhook_deliveries set locked_until = :until, claim_token = :token
			where id in (:ids) and status = 'pending' and next_attempt_at <= :now
			  and (locked_until is null or locked_until < :now)
			""";

	private static final String CLAIMED = "select id from webhook_deliveries where id in (:ids) and claim_token = :token";

	private static final String TO_SEND_ALL = """
			select d.id, d.endpoint_id, d.attempts, e.prefix_id as event_prefix_id, e.type, e.data, e.created_at
			from webhook_deliveries d join events e on e.id = d.event_id where d.id in (:ids)
			""";

	private static final String TO_SEND = """
			select d.endpoint_id, d.attempts, e.prefix_id as event_prefix_id, e.type, e.data, e.created_at
			from webhook_deliveries d join events e on e.id = d.event_id where d.id = :id
			""";

	private static final String INSERT_ATTEMPT = """
			insert into webhook_attempts (delivery_id, attempted_at, status_code, duration_ms, response, error)
			values (?, ?, ?, ?, ?, ?)
			""";

	private static final String SETTLE = """
			update webhook_deliveries set status = ?, attempts = ?, next_attempt_at = ?, locked_until = null,
			  updated_at = ? where id = ?
			""";

	private static final String FILTER = """
			 from webhook_deliveries d join events e on e.id = d.event_id
			 join webhook_endpoints w on w.id = d.endpoint_id
			where d.account_id = :accountId and d.livemode = :livemode
			  and (cast(:endpointId as bigint) is null or d.endpoint_id = :endpointId)
			  and (cast(:eventId as varchar(40)) is null or e.prefix_id = :eventId)
			  and (cast(:type as varchar(100)) is null or e.type = :type)
			  and (cast(:status as varchar(10)) is null or d.status = :status)
			""";

	private static final String COUNT = "select count(*)" + FILTER;

	private static final String PAGE = "select d.id" + FILTER + Scoped.newestFirst("d");

	private static final String FIND = """
			select id from webhook_deliveries where account_id = :accountId and livemode = :livemode
			  and (id = :id or prefix_id = :prefixId
			       or event_id = (select e.id from events e where e.prefix_id = :eventPrefixId))
			order by id
			""";

	private static final String RESET = """
			update webhook_deliveries set status = 'pending', next_attempt_at = :now, locked_until = null,
			  attempts = case when status = 'pending' then attempts else 0 end where id = :id
			""";

	private static final String ATTEMPTS = """
			select delivery_id, attempted_at, status_code, duration_ms, response, error from webhook_attempts
			where\s""" + Scoped.childrenOf("delivery_id") + " order by id";

	private static final String HISTORY = """
			select d.id, d.prefix_id, e.prefix_id as event_prefix_id, e.type, w.prefix_id as endpoint_prefix_id,
			  d.status, d.attempts, d.next_attempt_at, d.livemode, d.created_at
			from webhook_deliveries d join events e on e.id = d.event_id
			join webhook_endpoints w on w.id = d.endpoint_id where d.id in (:ids)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	DeliveryRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** A due delivery and the endpoint it goes to. */
	record Due(long id, long endpointId) {
	}

	/** What an attempt sends: the delivery's attempts so far and its event. */
	record ToSend(long endpointId, int attempts, String eventId, String type, String data, Instant createdAt) {
	}

	/** What the history may be filtered by; null is any. */
	record Filter(@Nullable Long endpointId, @Nullable String eventId, @Nullable String type, @Nullable String status) {
	}

	/** A delivery to make: its prefixed id, its event and where it goes. */
	record NewDelivery(String prefixId, long eventId, WebhookEndpoints.Endpoint endpoint) {
	}

	/** Inserts deliveries, due at {@code now}, a thousand a statement. */
	void insert(List<NewDelivery> deliveries, Instant now) {
		Object at = Times.db(now);
		for (int from = 0; from < deliveries.size(); from += ROWS_PER_INSERT) {
			List<Object[]> rows = new ArrayList<>();
			for (NewDelivery delivery : deliveries.subList(from, Math.min(deliveries.size(), from + ROWS_PER_INSERT))) {
				WebhookEndpoints.Endpoint endpoint = delivery.endpoint();
				rows.add(new Object[] { delivery.prefixId(), delivery.eventId(), endpoint.id(), endpoint.accountId(),
						endpoint.livemode(), "pending", 0, at, at, at });
			}
			this.jdbc.sql(INSERT_ALL).param("rows", rows).update();
		}
	}

	/**
	 * Up to {@code limit} deliveries due at {@code now}, not leased, to endpoints not in
	 * {@code busy}.
	 */
	List<Due> due(Instant now, List<Long> busy, int limit) {
		return this.jdbc.sql(DUE)
			.param("now", Times.db(now))
			.param("busy", busy)
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("endpoint_id")))
			.list();
	}

	/** Leases a due delivery until {@code until}: true for exactly one caller. */
	boolean claim(long id, Instant now, Instant until) {
		return this.jdbc.sql(CLAIM)
			.param("id", id)
			.param("until", Times.db(until))
			.param("now", Times.db(now))
			.update() == 1;
	}

	/**
	 * Leases those of {@code ids} still due at {@code now} until {@code until}, in one
	 * statement, and returns the ids this caller got (marked with its {@code token}), in
	 * a second: another deliverer's claim of the same rows leaves them out.
	 */
	List<Long> claim(List<Long> ids, Instant now, Instant until, String token) {
		if (ids.isEmpty()) {
			return List.of();
		}
		int updated = this.jdbc.sql(CLAIM_ALL)
			.param("ids", ids)
			.param("until", Times.db(until))
			.param("now", Times.db(now))
			.param("token", token)
			.update();
		if (updated == 0) {
			return List.of();
		}
		return this.jdbc.sql(CLAIMED).param("ids", ids).param("token", token).query(Long.class).list();
	}

	/** What the attempts of {@code ids} send, by delivery id, in one statement. */
	Map<Long, ToSend> toSend(List<Long> ids) {
		Map<Long, ToSend> rows = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return rows;
		}
		this.jdbc.sql(TO_SEND_ALL)
			.param("ids", ids)
			.query((RowCallbackHandler) (rs) -> rows.put(rs.getLong("id"),
					new ToSend(rs.getLong("endpoint_id"), rs.getInt("attempts"), rs.getString("event_prefix_id"),
							rs.getString("type"), rs.getString("data"), createdAt(rs.getObject("created_at")))));
		return rows;
	}

	ToSend toSend(long id) {
		return this.jdbc.sql(TO_SEND)
			.param("id", id)
			.query((rs, n) -> new ToSend(rs.getLong("endpoint_id"), rs.getInt("attempts"),
					rs.getString("event_prefix_id"), rs.getString("type"), rs.getString("data"),
					createdAt(rs.getObject("created_at"))))
			.single();
	}

	/** An attempt of a delivery, and where the delivery stands after it. */
	record Settled(long deliveryId, Instant at, Sender.Result result, String status, int attempts,
			@Nullable Instant next) {
	}

	/**
	 * Records attempts and where their deliveries stand, freeing their leases: two
	 * batched statements for all of them.
	 */
	void settle(List<Settled> settled) {
		if (settled.isEmpty()) {
			return;
		}
		List<Object[]> attempts = new ArrayList<>(settled.size());
		List<Object[]> deliveries = new ArrayList<>(settled.size());
		for (Settled one : settled) {
			Sender.Result result = one.result();
			Object at = Times.db(one.at());
			attempts.add(new Object[] { one.deliveryId(), at, result.status(), result.millis(), result.body(),
					result.error() });
			deliveries.add(new Object[] { one.status(), one.attempts(), Times.db(one.next()), at, one.deliveryId() });
		}
		this.batches.batchUpdate(INSERT_ATTEMPT, attempts, new int[] { Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE,
				Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR });
		this.batches.batchUpdate(SETTLE, deliveries, new int[] { Types.VARCHAR, Types.INTEGER,
				Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT });
	}

	long count(long accountId, boolean livemode, Filter filter) {
		return bind(this.jdbc.sql(COUNT), accountId, livemode, filter).query(Long.class).single();
	}

	List<Long> page(long accountId, boolean livemode, Filter filter, PageQuery page) {
		return bind(this.jdbc.sql(PAGE), accountId, livemode, filter).param("limit", page.limit())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
	}

	/** The id of the account's delivery named by an integer id or a prefixed id. */
	List<Long> find(long accountId, boolean livemode, Ref ref) {
		return this.jdbc.sql(FIND)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("id", (ref.id() != null) ? ref.id() : -1L)
			.param("prefixId", (ref.prefixId() != null) ? ref.prefixId() : "")
			.param("eventPrefixId", eventPrefixId(ref))
			.query(Long.class)
			.list();
	}

	/**
	 * The event a {@code whev_} id names, or a Sellvy payload's {@code evt_} id (the same
	 * 16 characters); "" for anything else.
	 */
	static String eventPrefixId(Ref ref) {
		String key = (ref.prefixId() != null) ? ref.prefixId() : "";
		if (key.startsWith("whev_")) {
			return key;
		}
		return key.startsWith("evt_") ? "whev_" + key.substring(4) : "";
	}

	/** Makes a delivery due now again; a finished one starts its attempts afresh. */
	void reset(long id, Instant now) {
		this.jdbc.sql(RESET).param("id", id).param("now", Times.db(now)).update();
	}

	/**
	 * The deliveries as the history shows them, in the order of {@code ids}, in two
	 * statements.
	 */
	List<Deliveries.DeliveryJson> history(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Deliveries.AttemptJson>> attempts = new LinkedHashMap<>();
		Scoped.ofParents(this.jdbc, ATTEMPTS, ids).query((rs) -> {
			int code = rs.getInt("status_code");
			Integer statusCode = rs.wasNull() ? null : code;
			attempts.computeIfAbsent(rs.getLong("delivery_id"), (key) -> new ArrayList<>())
				.add(new Deliveries.AttemptJson(Times.read(rs, "attempted_at"), statusCode, rs.getLong("duration_ms"),
						rs.getString("response"), rs.getString("error")));
		});
		Map<Long, Deliveries.DeliveryJson> byId = new LinkedHashMap<>();
		this.jdbc.sql(HISTORY).param("ids", ids).query((rs) -> {
			long id = rs.getLong("id");
			byId.put(id,
					new Deliveries.DeliveryJson(id, rs.getString("prefix_id"), rs.getString("event_prefix_id"),
							rs.getString("type"), rs.getString("endpoint_prefix_id"), rs.getString("status"),
							rs.getInt("attempts"),
							"pending".equals(rs.getString("status")) ? Times.read(rs, "next_attempt_at") : null,
							rs.getBoolean("livemode"), Times.read(rs, "created_at"),
							List.copyOf(attempts.getOrDefault(id, List.of()))));
		});
		return ids.stream().map(byId::get).toList();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long accountId, boolean livemode,
			Filter filter) {
		return spec.param("accountId", accountId)
			.param("livemode", livemode)
			.param("endpointId", filter.endpointId(), Types.BIGINT)
			.param("eventId", filter.eventId(), Types.VARCHAR)
			.param("type", filter.type(), Types.VARCHAR)
			.param("status", filter.status(), Types.VARCHAR);
	}

	private static Instant createdAt(Object value) {
		if (value instanceof OffsetDateTime time) {
			return time.toInstant();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant();
		}
		return Instant.parse(String.valueOf(value));
	}

}
