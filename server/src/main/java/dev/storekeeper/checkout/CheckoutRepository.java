package dev.storekeeper.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.jdbc.Rows;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Checkouts and their items in SQL. */
@Repository
class CheckoutRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, status, mode, currency, client_secret, email, name, discount_id,
			subtotal, discount_amount, total, return_url, cancel_url, order_id, order_prefix_id, expires_at,
			completed_at, created_at, updated_at, processor_id, processor_client_secret, invoice_id
			""";

	private static final String BY_PREFIX_ID = "select " + COLUMNS
			+ " from checkouts where account_id = :accountId and livemode = :livemode and prefix_id = :prefixId";

	private static final String BY_ID = "select " + COLUMNS
			+ " from checkouts where account_id = :accountId and livemode = :livemode and id = :id";

	/**
	 * The checkout whose own client secret or whose processor's is {@code :secret}: each
	 * looked up in its unique index. (With {@code client_secret = :secret or
	 * processor_client_secret = :secret} H2 reads every checkout of the server.)
	 */
	static final String WITH_SECRET = """
			 where id in (select id from checkouts where client_secret = :secret
			 union select id from checkouts where processor_client_secret = :secret)
			""";

	private static final String BY_SECRET = "select " + COLUMNS + " from checkouts" + WITH_SECRET;

	private static final String LOCK_BY_SECRET = "select " + COLUMNS + " from checkouts" + WITH_SECRET + " for update";

	private static final String ANY_BY_PREFIX_ID = "select " + COLUMNS + " from checkouts where prefix_id = :prefixId";

	private static final String BY_PROCESSOR_ID = "select " + COLUMNS + " from checkouts where processor_id = :id";

	private static final String SET_PROCESSOR = """
			update checkouts set processor_id = :processorId, processor_client_secret = :clientSecret, updated_at = :now
			where id = :id
			""";

	private static final String LOCK = "select " + COLUMNS + " from checkouts where id = :id for update";

	private static final String ITEMS = """
			select id, prefix_id, price_variant_id, product_id, quantity, custom_amount, discount_amount
			from checkout_items
			where checkout_id = :id order by position
			""";

	private static final String INSERT = """
			insert into checkouts (prefix_id, account_id, livemode, status, mode, currency, client_secret, email,
			  discount_id, subtotal, discount_amount, total, return_url, cancel_url, cart_id, checkout_link_id,
			  allow_discount_codes, expires_at, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, 'open', :mode, :currency, :secret, :email, :discountId, :subtotal,
			  :discountAmount, :total, :returnUrl, :cancelUrl, :cartId, :linkId, :allowCodes, :expiresAt, :now, :now)
			""";

	private static final String INSERT_ITEM = """
			insert into checkout_items (prefix_id, checkout_id, price_variant_id, product_id, quantity, custom_amount,
			  discount_amount, position)
			values (:prefixId, :checkoutId, :variantId, :productId, :quantity, :customAmount, :discountAmount, :position)
			""";

	private static final String UPDATE_ITEM_AMOUNT = """
			update checkout_items set custom_amount = :amount, discount_amount = :discount where id = :id
			""";

	private static final String REPRICE = """
			update checkouts set email = :email, name = :name, discount_id = :discountId, subtotal = :subtotal,
			  discount_amount = :discountAmount, total = :total, updated_at = :now
			where id = :id
			""";

	private static final String COMPLETE = """
			update checkouts set status = 'complete', email = :email, name = :name, order_id = :orderId,
			  order_prefix_id = :orderPrefixId, completed_at = :now, updated_at = :now
			where id = :id and status = 'open'
			""";

	private static final String SET_TEST_CLOCK = """
			update checkouts set test_clock_id = :clockId where id = :id
			""";

	private static final String TEST_CLOCK = "select test_clock_id from checkouts where id = :id";

	private static final String SET_INVOICE = "update checkouts set invoice_id = :invoiceId where id = :id";

	private static final String OPEN_FOR_INVOICE = """
			select id from checkouts where invoice_id = :invoiceId and status = 'open' and expires_at > :now
			order by id desc limit 1
			""";

	private static final String EXPIRE = """
			update checkouts set status = 'expired', updated_at = :now where id = :id and status = 'open'
			""";

	private final JdbcClient jdbc;

	CheckoutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new checkout's values. */
	record NewCheckout(long accountId, boolean livemode, CheckoutMode mode, String currency, @Nullable String email,
			@Nullable Long discountId, long subtotal, long discountAmount, long total, @Nullable String returnUrl,
			@Nullable String cancelUrl, @Nullable Long cartId, @Nullable Long linkId, boolean allowDiscountCodes,
			Instant expiresAt) {
	}

	/**
	 * Inserts an open checkout and its items, and gives it back as a read would, without
	 * reading it: every column is one bound here or null.
	 */
	Checkout insert(String prefixId, String secret, NewCheckout checkout, List<Checkout.Item> items, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", checkout.accountId())
			.param("livemode", checkout.livemode())
			.param("mode", checkout.mode().wire())
			.param("currency", checkout.currency())
			.param("secret", secret)
			.param("email", checkout.email())
			.param("discountId", checkout.discountId(), java.sql.Types.BIGINT)
			.param("subtotal", checkout.subtotal())
			.param("discountAmount", checkout.discountAmount())
			.param("total", checkout.total())
			.param("returnUrl", checkout.returnUrl())
			.param("cancelUrl", checkout.cancelUrl())
			.param("cartId", checkout.cartId(), java.sql.Types.BIGINT)
			.param("linkId", checkout.linkId(), java.sql.Types.BIGINT)
			.param("allowCodes", checkout.allowDiscountCodes())
			.param("expiresAt", Times.db(checkout.expiresAt()))
			.param("now", Times.db(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		int position = 0;
		List<Checkout.Item> inserted = new ArrayList<>();
		for (Checkout.Item item : items) {
			KeyHolder itemKeys = new GeneratedKeyHolder();
			this.jdbc.sql(INSERT_ITEM)
				.param("prefixId", item.prefixId())
				.param("checkoutId", id)
				.param("variantId", item.priceVariantId())
				.param("productId", item.productId())
				.param("quantity", item.quantity())
				.param("customAmount", item.customAmount(), java.sql.Types.BIGINT)
				.param("discountAmount", item.discountAmount())
				.param("position", position++)
				.update(itemKeys, "id");
			inserted.add(new Checkout.Item(itemKeys.getKeyAs(Long.class), item.prefixId(), item.priceVariantId(),
					item.productId(), item.quantity(), item.customAmount(), item.discountAmount()));
		}
		return new Checkout(id, prefixId, checkout.accountId(), checkout.livemode(), CheckoutStatus.OPEN,
				checkout.mode(), checkout.currency(), secret, checkout.email(), null, checkout.discountId(),
				checkout.subtotal(), checkout.discountAmount(), checkout.total(), checkout.returnUrl(),
				checkout.cancelUrl(), null, null, checkout.expiresAt().truncatedTo(ChronoUnit.SECONDS), null, now, now,
				null, null, List.copyOf(inserted), null);
	}

	Optional<Checkout> find(long accountId, boolean livemode, String prefixId) {
		return withItems(this.jdbc.sql(BY_PREFIX_ID)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("prefixId", prefixId)
			.query(this::row)
			.optional());
	}

	Optional<Checkout> findById(long accountId, boolean livemode, long id) {
		return withItems(this.jdbc.sql(BY_ID)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("id", id)
			.query(this::row)
			.optional());
	}

	/** Which checkout it is, without its items. */
	record Key(long id, long accountId, boolean livemode) {
	}

	/** The checkout a client secret opens, locked until the transaction ends. */
	Optional<Checkout> lockBySecret(String secret) {
		return withItems(this.jdbc.sql(LOCK_BY_SECRET).param("secret", secret).query(this::row).optional());
	}

	Optional<Checkout> findBySecret(String secret) {
		return withItems(this.jdbc.sql(BY_SECRET).param("secret", secret).query(this::row).optional());
	}

	/**
	 * A checkout by prefixId whatever its account: only for what a payment processor
	 * names in its own signed messages.
	 */
	Optional<Checkout> findAnyByPrefixId(String prefixId) {
		return withItems(this.jdbc.sql(ANY_BY_PREFIX_ID).param("prefixId", prefixId).query(this::row).optional());
	}

	/** The checkout a payment processor's session belongs to. */
	Optional<Checkout> findByProcessorId(String processorId) {
		return withItems(this.jdbc.sql(BY_PROCESSOR_ID).param("id", processorId).query(this::row).optional());
	}

	/** Records the processor's session that pays the checkout now (or none). */
	void setProcessorSession(long id, @Nullable String processorId, @Nullable String clientSecret, Instant now) {
		this.jdbc.sql(SET_PROCESSOR)
			.param("id", id)
			.param("processorId", processorId, java.sql.Types.VARCHAR)
			.param("clientSecret", clientSecret, java.sql.Types.VARCHAR)
			.param("now", Times.db(now))
			.update();
	}

	/**
	 * The checkout, locked until the end of the transaction: completion runs one at a
	 * time per checkout.
	 */
	/**
	 * Whether the buyer may apply a discount code to this checkout: not when the checkout
	 * link that opened it says {@code allowDiscountCodes: false}.
	 */
	boolean allowsDiscountCodes(long id) {
		return this.jdbc.sql("select allow_discount_codes from checkouts where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	Checkout lock(long id) {
		return withItems(this.jdbc.sql(LOCK).param("id", id).query(this::row).optional()).orElseThrow();
	}

	void reprice(long itemId, @Nullable Long customAmount, long discount) {
		this.jdbc.sql(UPDATE_ITEM_AMOUNT)
			.param("id", itemId)
			.param("amount", customAmount, java.sql.Types.BIGINT)
			.param("discount", discount)
			.update();
	}

	void reprice(long id, @Nullable String email, @Nullable String name, @Nullable Long discountId, long subtotal,
			long discountAmount, long total, Instant now) {
		this.jdbc.sql(REPRICE)
			.param("id", id)
			.param("email", email)
			.param("name", name)
			.param("discountId", discountId, java.sql.Types.BIGINT)
			.param("subtotal", subtotal)
			.param("discountAmount", discountAmount)
			.param("total", total)
			.param("now", Times.db(now))
			.update();
	}

	boolean complete(long id, String email, @Nullable String name, long orderId, String orderPrefixId, Instant now) {
		return this.jdbc.sql(COMPLETE)
			.param("id", id)
			.param("email", email)
			.param("name", name)
			.param("orderId", orderId)
			.param("orderPrefixId", orderPrefixId)
			.param("now", Times.db(now))
			.update() == 1;
	}

	@Nullable Long orderIdOf(long id) {
		return this.jdbc.sql("select order_id from checkouts where id = :id")
			.param("id", id)
			.query((rs, n) -> Rows.nullableLong(rs, "order_id"))
			.optional()
			.orElse(null);
	}

	void expire(long id, Instant now) {
		this.jdbc.sql(EXPIRE).param("id", id).param("now", Times.db(now)).update();
	}

	private Optional<Checkout> withItems(Optional<Checkout> checkout) {
		return checkout.map((found) -> found.withItems(this.jdbc.sql(ITEMS)
			.param("id", found.id())
			.query((rs, n) -> new Checkout.Item(rs.getLong("id"), rs.getString("prefix_id"),
					rs.getLong("price_variant_id"), rs.getLong("product_id"), rs.getInt("quantity"),
					Rows.nullableLong(rs, "custom_amount"), rs.getLong("discount_amount")))
			.list()));
	}

	/**
	 * Puts a checkout on a test clock: its subscription will live on the clock's time.
	 */
	void setTestClock(long id, long clockId) {
		this.jdbc.sql(SET_TEST_CLOCK).param("id", id).param("clockId", clockId).update();
	}

	/** Makes a checkout the payment of an invoice. */
	void setInvoice(long id, long invoiceId) {
		this.jdbc.sql(SET_INVOICE).param("id", id).param("invoiceId", invoiceId).update();
	}

	/** The open checkout that pays an invoice, if one was made. */
	Optional<Long> openForInvoice(long invoiceId, Instant now) {
		return this.jdbc.sql(OPEN_FOR_INVOICE)
			.param("invoiceId", invoiceId)
			.param("now", Times.db(now))
			.query(Long.class)
			.optional();
	}

	@Nullable Long testClockOf(long id) {
		return this.jdbc.sql(TEST_CLOCK)
			.param("id", id)
			.query((rs, n) -> Rows.nullableLong(rs, "test_clock_id"))
			.optional()
			.orElse(null);
	}

	private Checkout row(ResultSet rs, int n) throws SQLException {
		return new Checkout(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), CheckoutStatus.of(rs.getString("status")),
				CheckoutMode.of(rs.getString("mode")), rs.getString("currency"), rs.getString("client_secret"),
				rs.getString("email"), rs.getString("name"), Rows.nullableLong(rs, "discount_id"),
				rs.getLong("subtotal"), rs.getLong("discount_amount"), rs.getLong("total"), rs.getString("return_url"),
				rs.getString("cancel_url"), Rows.nullableLong(rs, "order_id"), rs.getString("order_prefix_id"),
				Times.read(rs, "expires_at"), Times.read(rs, "completed_at"), Times.read(rs, "created_at"),
				Times.read(rs, "updated_at"), rs.getString("processor_id"), rs.getString("processor_client_secret"),
				List.of(), Rows.nullableLong(rs, "invoice_id"));
	}

}
