package dev.storekeeper.platform;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox: every capability records what happened here, in the same transaction as the
 * change that caused it, so an event exists exactly when its change does. Webhook
 * delivery reads it.
 */
@Service
public class Events {

	private static final String INSERT = """
			insert into events (prefix_id, account_id, livemode, type, data, created_at)
			values (:prefixId, :accountId, :livemode, :type, :data, :createdAt)
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Events(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.publisher = publisher;
	}

	/**
	 * Published in this JVM once a transaction that recorded events has committed, so
	 * their delivery can start at once rather than at the next poll.
	 */
	public record Committed() {
	}

	/**
	 * Records event {@code type} with {@code data}, the object as its {@code GET} returns
	 * it; must run inside the transaction of the change.
	 * @return the event's prefixed id
	 */
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
					Events.this.publisher.publishEvent(new Committed());
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(Committed.class);
				}
			});
		}
		return prefixId;
	}

}
