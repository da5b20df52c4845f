package dev.storekeeper.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox in the {@code events} table. */
@Repository
class EventTable implements Outbox {

	private static final String INSERT = """
			insert into events (prefix_id, account_id, livemode, type, data, created_at)
			values (:prefixId, :accountId, :livemode, :type, :data, :createdAt)
			""";

	/** Many entries in one statement: {@code :rows} expands to one tuple per entry. */
	private static final String INSERT_ALL = """
			insert into events (prefix_id, account_id, livemode, type, data, created_at) values :rows
			""";

	private static final String UNFANNED = """
			select id, account_id, livemode, type from events where fanned_out = false order by id limit :limit
			""";

	private static final String CLAIMABLE = """
			select id from events where id in (:ids) and fanned_out = false order by id for update skip locked
			""";

	private static final String CLAIM = "update events set fanned_out = true where id in (:ids)";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	EventTable(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.publisher = publisher;
	}

	/**
	 * The entries a transaction has recorded and not yet written, written together in one
	 * statement just before it commits (a checkout's completion records five).
	 */
	private final class Pending implements TransactionSynchronization {

		final List<Object[]> rows = new ArrayList<>();

		boolean written;

		@Override
		public void beforeCommit(boolean readOnly) {
			write();
		}

		void write() {
			this.written = true;
			if (!this.rows.isEmpty()) {
				EventTable.this.jdbc.sql(INSERT_ALL).param("rows", List.copyOf(this.rows)).update();
				this.rows.clear();
			}
		}

		@Override
		public void afterCommit() {
			EventTable.this.publisher.publishEvent(new Committed());
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(Pending.class);
		}

	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public String record(long accountId, boolean livemode, String type, Object data) {
		String prefixId = Ids.next("whev");
		String serialized = (data instanceof Rendered rendered) ? rendered.json() : this.json.writeValueAsString(data);
		Object createdAt = Times.db(Times.now(this.clock));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			insert(prefixId, accountId, livemode, type, serialized, createdAt);
			return prefixId;
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(Pending.class, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		if (pending.written) {
			// recorded while the transaction commits (by another synchronization): at
			// once
			insert(prefixId, accountId, livemode, type, serialized, createdAt);
		}
		else {
			pending.rows.add(new Object[] { prefixId, accountId, livemode, type, serialized, createdAt });
		}
		return prefixId;
	}

	@Override
	public Rendered render(Object data) {
		return new Rendered(this.json.writeValueAsString(data));
	}

	private void insert(String prefixId, long accountId, boolean livemode, String type, String data, Object createdAt) {
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("type", type)
			.param("data", data)
			.param("createdAt", createdAt)
			.update();
	}

	@Override
	public List<Entry> unfanned(int limit) {
		return this.jdbc.sql(UNFANNED)
			.param("limit", limit)
			.query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("account_id"), rs.getBoolean("livemode"),
					rs.getString("type")))
			.list();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> claim(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Long> claimable = this.jdbc.sql(CLAIMABLE).param("ids", ids).query(Long.class).list();
		if (!claimable.isEmpty()) {
			this.jdbc.sql(CLAIM).param("ids", claimable).update();
		}
		return claimable;
	}

}
