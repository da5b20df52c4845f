package dev.storekeeper.outbox;

import java.time.Clock;
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

	private static final String UNFANNED = """
			select id, account_id, livemode, type from events where fanned_out = false order by id limit :limit
			""";

	private static final String CLAIM = "update events set fanned_out = true where id = :id and fanned_out = false";

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

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public String record(long accountId, boolean livemode, String type, Object data) {
		String prefixId = Ids.next("whev");
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("type", type)
			.param("data", this.json.writeValueAsString(data))
			.param("createdAt", Times.db(Times.now(this.clock)))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.hasResource(Committed.class)) {
			TransactionSynchronizationManager.bindResource(Committed.class, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					EventTable.this.publisher.publishEvent(new Committed());
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(Committed.class);
				}
			});
		}
		return prefixId;
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
	public boolean claim(long id) {
		return this.jdbc.sql(CLAIM).param("id", id).update() == 1;
	}

}
