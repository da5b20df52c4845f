package dev.storekeeper.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Carts and their items in {@code carts} and {@code cart_items}. */
@Repository
class CartRepository {

	private static final String INSERT = """
			insert into carts (prefix_id, account_id, livemode, customer_id, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :customerId, :now, :now)
			""";

	private static final String TOUCH = """
			update carts set customer_id = :customerId, updated_at = :now where id = :id
			""";

	private static final String DELETE = "delete from carts where id = :id";

	private static final String FIND = """
			select id, prefix_id, account_id, livemode, customer_id, created_at, updated_at from carts
			where account_id = :accountId and livemode = :livemode and (prefix_id = :prefixId or id = :id)
			""";

	private static final String ITEMS = """
			select id, price_variant_id, quantity, custom_amount from cart_items where cart_id = :id
			order by position, id
			""";

	private static final String INSERT_ITEM = """
			insert into cart_items (cart_id, price_variant_id, quantity, custom_amount, position)
			values (:cartId, :variantId, :quantity, :custom, :position)
			""";

	private static final String UPDATE_ITEM = """
			update cart_items set quantity = coalesce(:quantity, quantity),
			  custom_amount = coalesce(:custom, custom_amount) where id = :id
			""";

	private static final String DELETE_ITEM = "delete from cart_items where id = :id";

	private final JdbcClient jdbc;

	CartRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A cart as stored. */
	record Cart(long id, String prefixId, long accountId, boolean livemode, @Nullable Long customerId,
			Instant createdAt, Instant updatedAt) {
	}

	/** An item of a cart. */
	record Item(long id, long priceVariantId, int quantity, @Nullable Long customAmount) {
	}

	long insert(String prefixId, long accountId, boolean livemode, @Nullable Long customerId, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("customerId", customerId, Types.BIGINT)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Records a change of the cart: its customer (or none) as of {@code now}. */
	void touch(long id, @Nullable Long customerId, Instant now) {
		this.jdbc.sql(TOUCH)
			.param("id", id)
			.param("customerId", customerId, Types.BIGINT)
			.param("now", Times.db(now))
			.update();
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	/** The account's cart named by a prefixId or an integer id. */
	Optional<Cart> find(long accountId, boolean livemode, Ref ref) {
		return this.jdbc.sql(FIND)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("prefixId", (ref.prefixId() != null) ? ref.prefixId() : "")
			.param("id", (ref.id() != null) ? ref.id() : -1L)
			.query(CartRepository::cart)
			.optional();
	}

	List<Item> items(long cartId) {
		return this.jdbc.sql(ITEMS).param("id", cartId).query((rs, n) -> {
			long custom = rs.getLong("custom_amount");
			Long customAmount = rs.wasNull() ? null : custom;
			return new Item(rs.getLong("id"), rs.getLong("price_variant_id"), rs.getInt("quantity"), customAmount);
		}).list();
	}

	void insertItem(long cartId, long variantId, long quantity, @Nullable Long customAmount, int position) {
		this.jdbc.sql(INSERT_ITEM)
			.param("cartId", cartId)
			.param("variantId", variantId)
			.param("quantity", quantity)
			.param("custom", customAmount, Types.BIGINT)
			.param("position", position)
			.update();
	}

	/** Changes what is given of an item's quantity and custom amount. */
	void updateItem(long id, @Nullable Long quantity, @Nullable Long customAmount) {
		this.jdbc.sql(UPDATE_ITEM)
			.param("id", id)
			.param("quantity", quantity, Types.INTEGER)
			.param("custom", customAmount, Types.BIGINT)
			.update();
	}

	void deleteItem(long id) {
		this.jdbc.sql(DELETE_ITEM).param("id", id).update();
	}

	private static Cart cart(ResultSet rs, int n) throws SQLException {
		long customer = rs.getLong("customer_id");
		Long customerId = rs.wasNull() ? null : customer;
		return new Cart(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), customerId, Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
