package dev.storekeeper.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Customers and their tags in SQL. */
@Repository
class CustomerRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, email, name, first_name, last_name, customer_type, orders_count,
			total_spend, blacklisted, blacklist_reason, created_at, updated_at
			""";

	private static final String SCOPE = " from customers where account_id = :accountId and livemode = :livemode";

	private static final String BY_PREFIX_ID = "select " + COLUMNS + SCOPE + " and prefix_id = :prefixId";

	private static final String BY_ID = "select " + COLUMNS + SCOPE + " and id = :id";

	/** Customers with their tags in one statement: one row per tag, or one without. */
	private static final String BY_IDS_WITH_TAGS = """
			select c.id, c.prefix_id, c.account_id, c.livemode, c.email, c.name, c.first_name, c.last_name,
			  c.customer_type, c.orders_count, c.total_spend, c.blacklisted, c.blacklist_reason, c.created_at,
			  c.updated_at, t.id as tag_id, t.name as tag_name
			from customers c
			  left join customer_tags ct on ct.customer_id = c.id
			  left join tags t on t.id = ct.tag_id
			where c.account_id = :accountId and c.livemode = :livemode and c.id in (:ids)
			order by c.id, ct.position
			""";

	private static final String BY_EMAIL = "select " + COLUMNS + SCOPE + " and email_normalized = :email";

	private static final String FILTER = SCOPE + """
			 and (cast(:type as varchar(10)) is null or customer_type = :type)
			 and (:purchased = false or orders_count > 0)
			 and (cast(:query as varchar(300)) is null or email_normalized like :query or lower(name) like :query
			      or lower(first_name) like :query or lower(last_name) like :query)
			""";

	private static final String COUNT = "select count(*)" + FILTER;

	private static final String PAGE = "select " + COLUMNS + FILTER + Scoped.newestFirst("");

	private static final String INSERT = """
			insert into customers (prefix_id, account_id, livemode, email, email_normalized, name, first_name, last_name,
			  customer_type, orders_count, total_spend, blacklisted, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :email, :normalized, :name, :firstName, :lastName, :type, 0, 0,
			  false, :now, :now)
			""";

	private static final String UPDATE = """
			update customers set email = :email, email_normalized = :normalized, name = :name, first_name = :firstName,
			  last_name = :lastName, customer_type = :type, updated_at = :now
			where id = :id
			""";

	private static final String BLACKLIST = """
			update customers set blacklisted = :blacklisted, blacklist_reason = :reason, updated_at = :now where id = :id
			""";

	private static final String RECORD_ORDER = """
			update customers set orders_count = orders_count + 1, total_spend = total_spend + :amount,
			  customer_type = case when customer_type = 'paid' or :amount > 0 then 'paid' else 'free' end,
			  updated_at = :now
			where id = :id
			""";

	private static final String RECORD_REFUND = """
			update customers set total_spend = total_spend - :amount, updated_at = :now where id = :id
			""";

	private static final String TAGS = """
			select ct.customer_id, t.id, t.name from customer_tags ct join tags t on t.id = ct.tag_id
			where ct.customer_id in (:ids) order by ct.customer_id, ct.position
			""";

	private static final String TAG_BY_NAME = """
			select id from tags where account_id = :accountId and livemode = :livemode and name_normalized = :normalized
			""";

	private static final String INSERT_TAG = """
			insert into tags (account_id, livemode, name, name_normalized) values (:accountId, :livemode, :name, :normalized)
			""";

	private static final String CLEAR_TAGS = "delete from customer_tags where customer_id = :id";

	private static final String ADD_TAG = """
			insert into customer_tags (customer_id, tag_id, position) values (:customerId, :tagId, :position)
			""";

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Filters of the list; nulls mean none. */
	record Filter(@Nullable String type, @Nullable String query, boolean purchased) {

		Filter(@Nullable String type, @Nullable String query) {
			this(type, query, false);
		}

	}

	Optional<Customer> find(long accountId, boolean livemode, String prefixId) {
		return one(this.jdbc.sql(BY_PREFIX_ID).param("prefixId", prefixId), accountId, livemode);
	}

	Optional<Customer> findById(long accountId, boolean livemode, long id) {
		return one(this.jdbc.sql(BY_ID).param("id", id), accountId, livemode);
	}

	Optional<Customer> findByEmail(long accountId, boolean livemode, String email) {
		return one(this.jdbc.sql(BY_EMAIL).param("email", normalize(email)), accountId, livemode);
	}

	private Optional<Customer> one(JdbcClient.StatementSpec spec, long accountId, boolean livemode) {
		return spec.param("accountId", accountId)
			.param("livemode", livemode)
			.query(this::row)
			.optional()
			.map((customer) -> withTags(List.of(customer)).get(0));
	}

	List<Customer> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Customer> customers = new LinkedHashMap<>();
		Map<Long, List<Customer.Tag>> tags = new LinkedHashMap<>();
		this.jdbc.sql(BY_IDS_WITH_TAGS)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("ids", ids)
			.query((rs) -> {
				long id = rs.getLong("id");
				if (!customers.containsKey(id)) {
					customers.put(id, row(rs, 0));
				}
				long tagId = rs.getLong("tag_id");
				if (!rs.wasNull()) {
					tags.computeIfAbsent(id, (key) -> new ArrayList<>())
						.add(new Customer.Tag(tagId, rs.getString("tag_name")));
				}
			});
		return customers.values()
			.stream()
			.map((customer) -> customer.withTags(List.copyOf(tags.getOrDefault(customer.id(), List.of()))))
			.toList();
	}

	long count(long accountId, boolean livemode, Filter filter) {
		return filtered(COUNT, accountId, livemode, filter).query(Long.class).single();
	}

	List<Customer> page(long accountId, boolean livemode, Filter filter, PageQuery page) {
		return withTags(filtered(PAGE, accountId, livemode, filter).param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list());
	}

	private JdbcClient.StatementSpec filtered(String sql, long accountId, boolean livemode, Filter filter) {
		String query = (filter.query() != null) ? "%"
				+ filter.query().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%" : null;
		return this.jdbc.sql(sql)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("type", filter.type(), java.sql.Types.VARCHAR)
			.param("query", query, java.sql.Types.VARCHAR)
			.param("purchased", filter.purchased());
	}

	long insert(String prefixId, long accountId, boolean livemode, CustomerDraft draft, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("email", draft.email)
			.param("normalized", normalize(draft.email))
			.param("name", draft.name)
			.param("firstName", draft.firstName)
			.param("lastName", draft.lastName)
			.param("type", draft.customerType)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, CustomerDraft draft, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("email", draft.email)
			.param("normalized", normalize(draft.email))
			.param("name", draft.name)
			.param("firstName", draft.firstName)
			.param("lastName", draft.lastName)
			.param("type", draft.customerType)
			.param("now", Times.db(now))
			.update();
	}

	void blacklist(long id, boolean blacklisted, @Nullable String reason, Instant now) {
		this.jdbc.sql(BLACKLIST)
			.param("id", id)
			.param("blacklisted", blacklisted)
			.param("reason", reason)
			.param("now", Times.db(now))
			.update();
	}

	void recordOrder(long id, long amount, Instant now) {
		this.jdbc.sql(RECORD_ORDER).param("id", id).param("amount", amount).param("now", Times.db(now)).update();
	}

	void recordRefund(long id, long amount, Instant now) {
		this.jdbc.sql(RECORD_REFUND).param("id", id).param("amount", amount).param("now", Times.db(now)).update();
	}

	/**
	 * Replaces the customer's tags with {@code names}, reusing the account's tags of the
	 * same name.
	 */
	void replaceTags(long customerId, long accountId, boolean livemode, List<String> names) {
		this.jdbc.sql(CLEAR_TAGS).param("id", customerId).update();
		int position = 0;
		for (String name : names) {
			String normalized = name.toLowerCase(Locale.ROOT);
			Long tagId = this.jdbc.sql(TAG_BY_NAME)
				.param("accountId", accountId)
				.param("livemode", livemode)
				.param("normalized", normalized)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (tagId == null) {
				KeyHolder keys = new GeneratedKeyHolder();
				this.jdbc.sql(INSERT_TAG)
					.param("accountId", accountId)
					.param("livemode", livemode)
					.param("name", name)
					.param("normalized", normalized)
					.update(keys, "id");
				tagId = keys.getKeyAs(Long.class);
			}
			this.jdbc.sql(ADD_TAG)
				.param("customerId", customerId)
				.param("tagId", tagId)
				.param("position", position++)
				.update();
		}
	}

	private List<Customer> withTags(List<Customer> customers) {
		if (customers.isEmpty()) {
			return customers;
		}
		Map<Long, List<Customer.Tag>> tags = new LinkedHashMap<>();
		this.jdbc.sql(TAGS).param("ids", customers.stream().map(Customer::id).toList()).query((rs) -> {
			tags.computeIfAbsent(rs.getLong("customer_id"), (key) -> new ArrayList<>())
				.add(new Customer.Tag(rs.getLong("id"), rs.getString("name")));
		});
		return customers.stream()
			.map((customer) -> customer.withTags(List.copyOf(tags.getOrDefault(customer.id(), List.of()))))
			.toList();
	}

	static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private Customer row(ResultSet rs, int n) throws SQLException {
		return new Customer(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("email"), rs.getString("name"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("customer_type"), rs.getInt("orders_count"),
				rs.getLong("total_spend"), rs.getBoolean("blacklisted"), rs.getString("blacklist_reason"), List.of(),
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
