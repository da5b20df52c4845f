package dev.storekeeper.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.platform.Caller;
import dev.storekeeper.platform.Errors;
import dev.storekeeper.platform.Fields;
import dev.storekeeper.platform.Ids;
import dev.storekeeper.platform.NotFound;
import dev.storekeeper.platform.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.storekeeper.platform.WireSchema;

/**
 * Carts: items a buyer collects before checking out; a checkout can be opened from one
 * ({@code cartId}).
 */
@Service
public class Carts {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final Customers customers;

	private final Accounts accounts;

	private final Clock clock;

	Carts(JdbcClient jdbc, Catalog catalog, Customers customers, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.customers = customers;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A cart as stored. */
	record Cart(long id, String prefixId, long accountId, boolean livemode, @Nullable Long customerId,
			Instant createdAt, Instant updatedAt) {
	}

	/** An item of a cart. */
	record Item(long id, long priceVariantId, int quantity, @Nullable Long customAmount) {
	}

	/** A cart on the wire, as the reference's {@code Cart}. */
	@WireSchema("Cart")
	public record CartJson(long id, String prefixId, @Nullable String currency, long total, boolean isFree,
			@Nullable Long customerId, List<ItemJson> cartItems, AccountJson sellerAccount, boolean livemode,
			Instant createdAt, Instant updatedAt) {

		/**
		 * An item of a cart, with its variant and product as their {@code GET} shows
		 * them.
		 */
		@WireSchema("CartItem")
		public record ItemJson(long id, int quantity, @Nullable Long customAmount, long unitAmount,
				@Nullable PriceVariantJson priceVariant, @Nullable ProductJson product) {
		}

	}

	/**
	 * Creates a cart, optionally for one of the caller's customers, with
	 * {@code cartItemsAttributes}.
	 */
	@Transactional
	public CartJson create(Caller caller, Fields fields) {
		Long customerId = null;
		Ref customer = fields.ref("customerId");
		if (customer != null) {
			customerId = this.customers.resolveId(caller.accountId(), caller.livemode(), customer).orElse(null);
			if (customerId == null) {
				fields.errors().add("customerId", "does not exist");
			}
		}
		fields.errors().throwIfAny();
		Instant now = Times.now(this.clock);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into carts (prefix_id, account_id, livemode, customer_id, created_at, updated_at)
				values (:prefixId, :accountId, :livemode, :customerId, :now, :now)
				""")
			.param("prefixId", Ids.next("cart"))
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("customerId", customerId, java.sql.Types.BIGINT)
			.param("now", Times.db(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		applyItems(caller, id, fields);
		return json(find(caller, String.valueOf(id)));
	}

	/**
	 * Changes a cart's items: new ones added, {@code id} ones updated, {@code _destroy}
	 * ones removed; and its customer when {@code customerId} is given ({@code null}
	 * clears it).
	 */
	@Transactional
	public CartJson update(Caller caller, String key, Fields fields) {
		Cart cart = find(caller, key);
		Long customerId = cart.customerId();
		if (fields.has("customerId")) {
			customerId = null;
			Ref customer = fields.ref("customerId");
			if (customer != null) {
				customerId = this.customers.resolveId(caller.accountId(), caller.livemode(), customer).orElse(null);
				if (customerId == null) {
					fields.errors().add("customerId", "does not exist");
				}
			}
		}
		fields.errors().throwIfAny();
		applyItems(caller, cart.id(), fields);
		fields.errors().throwIfAny();
		this.jdbc.sql("update carts set customer_id = :customerId, updated_at = :now where id = :id")
			.param("id", cart.id())
			.param("customerId", customerId, java.sql.Types.BIGINT)
			.param("now", Times.db(Times.now(this.clock)))
			.update();
		return json(find(caller, key));
	}

	/** One of the caller's carts. */
	@Transactional(readOnly = true)
	public CartJson get(Caller caller, String key) {
		return json(find(caller, key));
	}

	/** Deletes a cart. */
	@Transactional
	public void delete(Caller caller, String key) {
		this.jdbc.sql("delete from carts where id = :id").param("id", find(caller, key).id()).update();
	}

	/** The requests a checkout opened from this cart holds. */
	List<Checkouts.Request> requests(Caller caller, Ref cart) {
		Cart found = find(caller, cart.toString());
		List<Checkouts.Request> requests = new ArrayList<>();
		int index = 0;
		for (Item item : items(found.id())) {
			requests.add(new Checkouts.Request(new Ref(item.priceVariantId(), null), item.quantity(),
					item.customAmount(), "cartItems[" + index++ + "]"));
		}
		if (requests.isEmpty()) {
			throw Errors.of("cartId", "is empty");
		}
		return requests;
	}

	long idOf(Caller caller, Ref cart) {
		return find(caller, cart.toString()).id();
	}

	private void applyItems(Caller caller, long cartId, Fields fields) {
		List<Fields> items = fields.objects("cartItemsAttributes");
		Errors errors = fields.errors();
		if (items == null) {
			errors.throwIfAny();
			return;
		}
		List<Item> current = items(cartId);
		int position = current.size();
		for (Fields item : items) {
			Long id = item.integer("id");
			Boolean destroy = item.bool("_destroy");
			Long quantity = item.integer("quantity");
			Long custom = item.integer("customAmount");
			if (quantity != null && (quantity < 1 || quantity > 1000)) {
				errors.add(item.key("quantity"), "must be between 1 and 1000");
			}
			if (id != null) {
				boolean mine = current.stream().anyMatch((existing) -> existing.id() == id);
				if (!mine) {
					errors.add(item.key("id"), "does not exist in this cart");
					continue;
				}
				if (Boolean.TRUE.equals(destroy)) {
					this.jdbc.sql("delete from cart_items where id = :id").param("id", id).update();
				}
				else if (quantity != null || custom != null) {
					this.jdbc.sql("""
							update cart_items set quantity = coalesce(:quantity, quantity),
							  custom_amount = coalesce(:custom, custom_amount) where id = :id
							""")
						.param("id", id)
						.param("quantity", quantity, java.sql.Types.INTEGER)
						.param("custom", custom, java.sql.Types.BIGINT)
						.update();
				}
				continue;
			}
			Ref variant = item.ref("priceVariantId");
			VariantForSale found = (variant != null)
					? this.catalog.variantForSale(caller.accountId(), caller.livemode(), variant).orElse(null) : null;
			if (found == null) {
				errors.add(item.key("priceVariantId"), (variant == null) ? "can't be blank" : "does not exist");
				continue;
			}
			this.jdbc.sql("""
					insert into cart_items (cart_id, price_variant_id, quantity, custom_amount, position)
					values (:cartId, :variantId, :quantity, :custom, :position)
					""")
				.param("cartId", cartId)
				.param("variantId", found.id())
				.param("quantity", (quantity != null) ? quantity : 1)
				.param("custom", custom, java.sql.Types.BIGINT)
				.param("position", position++)
				.update();
		}
		errors.throwIfAny();
	}

	private List<Item> items(long cartId) {
		return this.jdbc.sql(
				"select id, price_variant_id, quantity, custom_amount from cart_items where cart_id = :id order by position, id")
			.param("id", cartId)
			.query((rs, n) -> {
				long custom = rs.getLong("custom_amount");
				Long customAmount = rs.wasNull() ? null : custom;
				return new Item(rs.getLong("id"), rs.getLong("price_variant_id"), rs.getInt("quantity"), customAmount);
			})
			.list();
	}

	private Cart find(Caller caller, String key) {
		Ref ref = Ref.parse(key);
		String sql = """
				select id, prefix_id, account_id, livemode, customer_id, created_at, updated_at from carts
				where account_id = :accountId and livemode = :livemode and (prefix_id = :prefixId or id = :id)
				""";
		return this.jdbc.sql(sql)
			.param("accountId", caller.accountId())
			.param("livemode", caller.livemode())
			.param("prefixId", (ref.prefixId() != null) ? ref.prefixId() : "")
			.param("id", (ref.id() != null) ? ref.id() : -1L)
			.query((rs, n) -> {
				long customer = rs.getLong("customer_id");
				Long customerId = rs.wasNull() ? null : customer;
				return new Cart(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
						rs.getBoolean("livemode"), customerId, Times.read(rs, "created_at"),
						Times.read(rs, "updated_at"));
			})
			.optional()
			.orElseThrow(() -> new NotFound("Cart"));
	}

	private CartJson json(Cart cart) {
		List<Item> items = items(cart.id());
		Map<Long, PriceVariantJson> variants = this.catalog.variantJson(cart.accountId(), cart.livemode(),
				items.stream().map(Item::priceVariantId).toList());
		Map<Long, ProductJson> products = this.catalog.productJson(cart.accountId(), cart.livemode(),
				variants.values().stream().map(PriceVariantJson::productId).toList());
		List<CartJson.ItemJson> json = new ArrayList<>();
		long total = 0;
		String currency = null;
		for (Item item : items) {
			PriceVariantJson variant = variants.get(item.priceVariantId());
			long unit = (item.customAmount() != null) ? item.customAmount()
					: (variant != null && !"free".equals(variant.billingType())) ? variant.amount() : 0;
			total += unit * item.quantity();
			currency = (currency == null && variant != null) ? variant.currency() : currency;
			json.add(new CartJson.ItemJson(item.id(), item.quantity(), item.customAmount(), unit, variant,
					(variant != null) ? products.get(variant.productId()) : null));
		}
		return new CartJson(cart.id(), cart.prefixId(), currency, total, total == 0, cart.customerId(), json,
				AccountJson.of(this.accounts.get(cart.accountId())), cart.livemode(), cart.createdAt(),
				cart.updatedAt());
	}

}
