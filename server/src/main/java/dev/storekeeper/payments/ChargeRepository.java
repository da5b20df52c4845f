package dev.storekeeper.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Charges in SQL. */
@Repository
class ChargeRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, gateway, processor_id, amount, currency, amount_refunded, status,
			card_last_four, receipt_url, created_at
			""";

	private static final String INSERT = """
			insert into charges (prefix_id, account_id, livemode, gateway, processor_id, amount, currency,
			  amount_refunded, status, card_last_four, receipt_url, description, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :gateway, :processorId, :amount, :currency, 0, 'succeeded',
			  :lastFour, :receiptUrl, :description, :now, :now)
			""";

	private static final String BY_ID = "select " + COLUMNS + " from charges where id = :id";

	private static final String BY_PREFIX_ID = "select " + COLUMNS + " from charges where prefix_id = :prefixId";

	private static final String BY_IDS = "select " + COLUMNS + " from charges where id in (:ids)";

	private static final String BY_PROCESSOR_ID = "select " + COLUMNS
			+ " from charges where gateway = :gateway and processor_id = :processorId";

	private static final String REFUND = """
			update charges set amount_refunded = amount_refunded + :amount,
			  status = case when amount_refunded + :amount >= amount then 'refunded' else 'partially_refunded' end,
			  updated_at = :now
			where id = :id and amount_refunded + :amount <= amount
			""";

	private static final String DISPUTE = """
			update charges set status = 'disputed', updated_at = :now where id = :id
			""";

	private final JdbcClient jdbc;

	ChargeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String prefixId, long accountId, boolean livemode, String gateway, String processorId, long amount,
			String currency, @Nullable String lastFour, @Nullable String receiptUrl, String description, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("gateway", gateway)
			.param("processorId", processorId)
			.param("amount", amount)
			.param("currency", currency)
			.param("lastFour", lastFour)
			.param("receiptUrl", receiptUrl)
			.param("description", description)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<Charge> find(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(this::row).optional();
	}

	Optional<Charge> findByPrefixId(String prefixId) {
		return this.jdbc.sql(BY_PREFIX_ID).param("prefixId", prefixId).query(this::row).optional();
	}

	Optional<Charge> findByProcessorId(String gateway, String processorId) {
		return this.jdbc.sql(BY_PROCESSOR_ID)
			.param("gateway", gateway)
			.param("processorId", processorId)
			.query(this::row)
			.optional();
	}

	List<Charge> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(BY_IDS).param("ids", ids).query(this::row).list();
	}

	boolean refund(long id, long amount, Instant now) {
		return this.jdbc.sql(REFUND).param("id", id).param("amount", amount).param("now", Times.db(now)).update() == 1;
	}

	void dispute(long id, Instant now) {
		this.jdbc.sql(DISPUTE).param("id", id).param("now", Times.db(now)).update();
	}

	private Charge row(ResultSet rs, int n) throws SQLException {
		return new Charge(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("gateway"), rs.getString("processor_id"), rs.getLong("amount"),
				rs.getString("currency"), rs.getLong("amount_refunded"), rs.getString("status"),
				rs.getString("card_last_four"), rs.getString("receipt_url"), Times.read(rs, "created_at"));
	}

}
