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
import dev.storekeeper.checkout.CartRepository.Cart;
import dev.storekeeper.checkout.CartRepository.Item;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.storekeeper.platform.web.WireSchema;

/**
 * Carts: items a buyer collects before checking out; a checkout can be opened from one
 * ({@code cartId}).
 */
@Service
public class Carts {

	private final CartRepository carts;

	private final Catalog catalog;

	private final Customers customers;

	private final Accounts accounts;

	private final Clock clock;

	Carts(CartRepository carts, Catalog catalog, Customers customers, Accounts accounts, Clock clock) {
		this.carts = carts;
		this.catalog = catalog;
		this.customers = customers;
		this.accounts = accounts;
		this.clock = clock;
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
		Long customerId = customerId(caller, fields);
		fields.errors().throwIfAny();
		Instant now = Times.now(this.clock);
		long id = this.carts.insert(Ids.next("cart"), caller.accountId(), caller.livemode(), customerId, now);
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
		Long customerId = fields.has("customerId") ? customerId(caller, fields) : cart.customerId();
		fields.errors().throwIfAny();
		applyItems(caller, cart.id(), fields);
		this.carts.touch(cart.id(), customerId, Times.now(this.clock));
		return json(find(caller, key));
	}

	/**
	 * The caller's customer that {@code customerId} names, or none when it is absent or
	 * {@code null}; one that does not exist is an error on the field.
	 */
	private @Nullable Long customerId(Caller caller, Fields fields) {
		Ref customer = fields.ref("customerId");
		if (customer == null) {
			return null;
		}
		Long id = this.customers.resolveId(caller.accountId(), caller.livemode(), customer).orElse(null);
		if (id == null) {
			fields.errors().add("customerId", "does not exist");
		}
		return id;
	}

	/** One of the caller's carts. */
	@Transactional(readOnly = true)
	public CartJson get(Caller caller, String key) {
		return json(find(caller, key));
	}

	/** Deletes a cart. */
	@Transactional
	public void delete(Caller caller, String key) {
		this.carts.delete(find(caller, key).id());
	}

	/** The requests a checkout opened from this cart holds. */
	List<Quotes.Request> requests(Caller caller, Ref cart) {
		Cart found = find(caller, cart.toString());
		List<Quotes.Request> requests = new ArrayList<>();
		int index = 0;
		for (Item item : items(found.id())) {
			requests.add(new Quotes.Request(new Ref(item.priceVariantId(), null), item.quantity(), item.customAmount(),
					"cartItems[" + index++ + "]"));
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
					this.carts.deleteItem(id);
				}
				else if (quantity != null || custom != null) {
					this.carts.updateItem(id, quantity, custom);
				}
				continue;
			}
			Ref variant = item.ref("priceVariantId");
			VariantForSale found = (variant != null)
					? this.catalog.forSale(caller.accountId(), caller.livemode(), List.of(variant)).get(0).orElse(null)
					: null;
			if (found == null) {
				errors.add(item.key("priceVariantId"), (variant == null) ? "can't be blank" : "does not exist");
				continue;
			}
			this.carts.insertItem(cartId, found.id(), (quantity != null) ? quantity : 1, custom, position++);
		}
		errors.throwIfAny();
	}

	private List<Item> items(long cartId) {
		return this.carts.items(cartId);
	}

	private Cart find(Caller caller, String key) {
		return this.carts.find(caller.accountId(), caller.livemode(), Ref.parse(key))
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
