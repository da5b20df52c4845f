package dev.storekeeper.checkout;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.billing.Subscriptions;
import dev.storekeeper.billing.TestClocks;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.payments.SessionGateway;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkouts: opened priced and checked, changed by the seller or the buyer while open,
 * each change priced again (see {@link Quotes}) and given a processor's session for its
 * new total. {@link Completion} turns them into orders.
 */
@Service
public class Checkouts {

	private final CheckoutRepository checkouts;

	private final Quotes quotes;

	private final CheckoutViews views;

	private final Catalog catalog;

	private final Payments payments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration ttl;

	private final Carts carts;

	private final TestClocks testClocks;

	Checkouts(CheckoutRepository checkouts, Quotes quotes, CheckoutViews views, Catalog catalog, Payments payments,
			ApplicationEventPublisher events, TransactionTemplate transactions, Carts carts, TestClocks testClocks,
			Clock clock, @Value("${storekeeper.checkout.ttl:24h}") Duration ttl) {
		this.testClocks = testClocks;
		this.checkouts = checkouts;
		this.quotes = quotes;
		this.views = views;
		this.catalog = catalog;
		this.payments = payments;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.ttl = ttl;
		this.carts = carts;
	}

	/**
	 * Creates a checkout from the reference's {@code checkoutItemsAttributes}, the seed's
	 * flat {@code priceVariantId}, or items given by another capability (a cart, a
	 * checkout link).
	 */
	public CheckoutJson create(Caller caller, Fields fields) {
		Errors errors = fields.errors();
		List<Quotes.Request> requests = new ArrayList<>();
		List<Fields> items = fields.objects("checkoutItemsAttributes");
		if (items == null && fields.has("checkoutItems")) {
			items = fields.objects("checkoutItems");
		}
		if (items != null) {
			for (Fields item : items) {
				requests.add(request(item));
			}
		}
		else if (fields.has("priceVariantId")) {
			requests.add(request(fields));
		}
		Ref cart = fields.ref("cartId");
		Long cartId = null;
		if (cart != null && requests.isEmpty()) {
			requests.addAll(this.carts.requests(caller, cart));
			cartId = this.carts.idOf(caller, cart);
		}
		String email = fields.string("email");
		String discountCode = fields.string("discountCode");
		String returnUrl = url(fields, "returnUrl");
		String cancelUrl = url(fields, "cancelUrl");
		if (requests.isEmpty() && !errors.has("checkoutItemsAttributes")) {
			errors.add("checkoutItemsAttributes", "can't be blank");
		}
		if (email != null && !email.isBlank() && !Checkout.isEmail(email.trim())) {
			errors.add("email", "is invalid");
		}
		Ref clock = fields.ref("testClock");
		errors.throwIfAny();
		Long clockId = (clock != null) ? this.testClocks.resolve(caller, clock, "testClock") : null;
		Long fromCart = cartId;
		return this.transactions.execute((status) -> {
			CheckoutJson json = open(caller.accountId(), caller.livemode(), requests,
					(email != null) ? email.trim() : null, discountCode, null, returnUrl, cancelUrl, fromCart, null,
					true);
			if (clockId != null) {
				this.checkouts.setTestClock(json.id(), clockId);
			}
			return json;
		});
	}

	/**
	 * Opens a checkout for {@code requests}, checked and priced; records
	 * {@code checkout.created}.
	 */
	CheckoutJson open(long accountId, boolean livemode, List<Quotes.Request> requests, @Nullable String email,
			@Nullable String discountCode, @Nullable Long discountId, @Nullable String returnUrl,
			@Nullable String cancelUrl, @Nullable Long cartId, @Nullable Long linkId, boolean allowDiscountCodes) {
		return this.transactions.execute((status) -> {
			Instant now = Times.now(this.clock);
			Quotes.Quote priced = this.quotes.quote(accountId, livemode, requests, discountCode, discountId, now);
			if (priced.pricing().total() > 0 && !this.payments.acceptsPayments(livemode)) {
				throw Errors.of("base", "Live payments are not configured on this server (set STRIPE_SECRET_KEY): "
						+ "only free checkouts work in live mode");
			}
			List<Checkout.Item> items = new ArrayList<>();
			for (int i = 0; i < requests.size(); i++) {
				VariantForSale variant = priced.variants().get(i);
				items.add(new Checkout.Item(0, Ids.next("ci"), variant.id(), variant.productId(),
						requests.get(i).quantity(), variant.payWhatYouWant() ? priced.units().get(i) : null,
						priced.pricing().lineDiscounts().get(i)));
			}
			CheckoutMode mode = priced.variants().stream().anyMatch(VariantForSale::recurring)
					? CheckoutMode.SUBSCRIPTION : CheckoutMode.PAYMENT;
			CheckoutRepository.NewCheckout checkout = new CheckoutRepository.NewCheckout(accountId, livemode, mode,
					priced.currency(), email, (priced.discount() != null) ? priced.discount().id() : null,
					priced.pricing().subtotal(), priced.pricing().discountAmount(), priced.pricing().total(), returnUrl,
					cancelUrl, cartId, linkId, allowDiscountCodes, now.plus(this.ttl));
			Checkout created = this.checkouts.insert(Ids.next("co"), "cs_" + Ids.random(40), checkout, items, now);
			if (created.total() > 0) {
				created = replaceProcessorSession(created, now);
			}
			CheckoutJson json = this.views.json(created);
			this.events.publishEvent(new CheckoutCreated(accountId, livemode, json));
			return json;
		});
	}

	/** One of the caller's checkouts. */
	public CheckoutJson get(Caller caller, String key) {
		return this.views.json(find(caller, key));
	}

	/** Changes the email or discount code of one of the caller's open checkouts. */
	public CheckoutJson update(Caller caller, String key, Fields fields) {
		return change(find(caller, key), fields);
	}

	/**
	 * The checkout a client secret opens, for the hosted page and the checkout client
	 * API.
	 */
	public CheckoutJson bySecret(String secret) {
		return this.views.json(this.views.bySecret(secret));
	}

	/**
	 * Changes what the buyer may change: email, name, discount code, a pay-what-you-want
	 * amount.
	 */
	public CheckoutJson updateBySecret(String secret, Fields fields) {
		return change(this.views.bySecret(secret), fields);
	}

	private CheckoutJson change(Checkout found, Fields fields) {
		return this.transactions.execute((status) -> {
			Checkout checkout = this.checkouts.lock(found.id());
			Instant now = Times.now(this.clock);
			checkout.requireOpen(now);
			Errors errors = fields.errors();
			String email = fields.has("email") ? fields.string("email") : checkout.email();
			if (email != null && !email.isBlank() && !Checkout.isEmail(email.trim())) {
				errors.add("email", "is invalid");
			}
			String name = fields.has("name") ? fields.string("name") : checkout.name();
			if (name != null && name.length() > 200) {
				errors.add("name", "is too long (maximum is 200 characters)");
			}
			Long customAmount = fields.integer("customAmount");
			errors.throwIfAny();
			List<Quotes.Request> requests = Quotes.requests(checkout);
			if (customAmount != null) {
				requests = requests.stream()
					.map((request) -> new Quotes.Request(request.priceVariant(), request.quantity(), customAmount, ""))
					.toList();
			}
			String code = null;
			Long discountId = checkout.discountId();
			if (fields.has("discountCode")) {
				code = fields.string("discountCode");
				if (!this.checkouts.allowsDiscountCodes(checkout.id())) {
					// the seller's link keeps its own discount, and no other
					throw Errors.of("discountCode", "cannot be used with this checkout");
				}
				discountId = null;
				errors.throwIfAny();
			}
			Quotes.Quote priced = this.quotes.quote(checkout.accountId(), checkout.livemode(), requests,
					(code != null && !code.isBlank()) ? code : null, discountId, now);
			for (int i = 0; i < checkout.items().size(); i++) {
				Checkout.Item item = checkout.items().get(i);
				this.checkouts.reprice(item.id(),
						priced.variants().get(i).payWhatYouWant() ? priced.units().get(i) : item.customAmount(),
						priced.pricing().lineDiscounts().get(i));
			}
			this.checkouts.reprice(checkout.id(), (email != null && !email.isBlank()) ? email.trim() : null,
					(name != null && !name.isBlank()) ? name.trim() : null,
					(priced.discount() != null) ? priced.discount().id() : null, priced.pricing().subtotal(),
					priced.pricing().discountAmount(), priced.pricing().total(), now);
			Checkout changed = this.checkouts.findById(checkout.accountId(), checkout.livemode(), checkout.id())
				.orElseThrow();
			if (changed.total() != checkout.total() || (changed.total() > 0 && changed.processorId() == null)) {
				changed = replaceProcessorSession(changed, now);
			}
			return this.views.json(changed);
		});
	}

	/**
	 * Whether the buyer of the checkout a client secret opens may apply a discount code
	 * (not when its link says {@code allowDiscountCodes: false}).
	 */
	boolean allowsDiscountCodes(String secret) {
		return this.checkouts.allowsDiscountCodes(this.views.bySecret(secret).id());
	}

	/**
	 * Gives a checkout the processor's session for its current total (or none when it is
	 * free), closing the one it had: a processor's session has a fixed amount. Inside the
	 * caller's transaction, so a processor failure leaves nothing written.
	 */
	private Checkout replaceProcessorSession(Checkout checkout, Instant now) {
		SessionGateway sessions = this.payments.sessions(checkout.livemode());
		if (sessions == null) {
			return checkout;
		}
		String id = null;
		String secret = null;
		if (checkout.total() > 0) {
			boolean subscription = checkout.mode() == CheckoutMode.SUBSCRIPTION;
			if (subscription && this.catalog
				.variantsForSale(checkout.accountId(), checkout.livemode(),
						checkout.items().stream().map(Checkout.Item::priceVariantId).toList())
				.values()
				.stream()
				.anyMatch(Subscriptions::trial)) {
				throw Errors.of("base", "Subscriptions with a free trial cannot be paid through Stripe on this "
						+ "server yet: sell this variant without a trial");
			}
			SessionGateway.Session session = sessions
				.open(new SessionGateway.SessionRequest(checkout.prefixId(), checkout.prefixId() + "-" + Ids.random(16),
						checkout.total(), checkout.currency(), description(checkout), checkout.email(),
						this.views.pageUrl(checkout), checkout.expiresAt(), subscription));
			id = session.id();
			secret = session.clientSecret();
		}
		if (checkout.processorId() != null) {
			sessions.expire(checkout.processorId());
		}
		this.checkouts.setProcessorSession(checkout.id(), id, secret, now);
		return this.checkouts.findById(checkout.accountId(), checkout.livemode(), checkout.id()).orElseThrow();
	}

	private String description(Checkout checkout) {
		Map<Long, ProductJson> products = this.catalog.productJson(checkout.accountId(), checkout.livemode(),
				checkout.items().stream().map(Checkout.Item::productId).toList());
		StringBuilder text = new StringBuilder();
		for (Checkout.Item item : checkout.items()) {
			ProductJson product = products.get(item.productId());
			text.append((text.length() > 0) ? ", " : "")
				.append((product != null) ? product.name() : "Item")
				.append((item.quantity() > 1) ? " × " + item.quantity() : "");
		}
		return (text.length() > 200) ? text.substring(0, 199) + "…" : text.toString();
	}

	/**
	 * The publishable key the hosted page needs to show the processor's payment form in
	 * this mode, or null.
	 */
	@Nullable String publishableKey(boolean livemode) {
		SessionGateway sessions = this.payments.sessions(livemode);
		return (sessions != null) ? sessions.publishableKey() : null;
	}

	/** The id of the order a completed checkout placed. */
	@Nullable Long orderIdOf(long checkoutId) {
		return this.checkouts.orderIdOf(checkoutId);
	}

	private static Quotes.Request request(Fields item) {
		Ref variant = item.ref("priceVariantId");
		Long quantity = item.integer("quantity");
		Long custom = item.integer("customAmount");
		String probe = item.key("x");
		String key = (probe.length() > 1) ? probe.substring(0, probe.length() - 2) : "checkoutItems[0]";
		return new Quotes.Request(variant,
				(quantity != null) ? (int) Math.max(Math.min(quantity, Integer.MAX_VALUE), -1) : 1, custom, key);
	}

	private static @Nullable String url(Fields fields, String field) {
		String value = fields.string(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(value.trim());
			if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null
					|| value.length() > 2000) {
				throw new IllegalArgumentException();
			}
		}
		catch (IllegalArgumentException ex) {
			fields.errors().add(field, "must be an http or https URL");
		}
		return value.trim();
	}

	private Checkout find(Caller caller, String key) {
		Ref ref = Ref.parse(key);
		return ((ref.id() != null) ? this.checkouts.findById(caller.accountId(), caller.livemode(), ref.id())
				: this.checkouts.find(caller.accountId(), caller.livemode(), key))
			.orElseThrow(() -> new NotFound("Checkout"));
	}

}
