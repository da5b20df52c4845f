package dev.storekeeper.checkout;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.customers.Customer;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.discounts.Discount;
import dev.storekeeper.discounts.DiscountJson;
import dev.storekeeper.discounts.Discounts;
import dev.storekeeper.discounts.Pricing;
import dev.storekeeper.orders.NewOrder;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.orders.PlacedOrder;
import dev.storekeeper.payments.Card;
import dev.storekeeper.payments.Charge;
import dev.storekeeper.payments.PaymentGateway;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.payments.SessionGateway;
import dev.storekeeper.platform.Caller;
import dev.storekeeper.platform.Errors;
import dev.storekeeper.platform.Events;
import dev.storekeeper.platform.Fields;
import dev.storekeeper.platform.Ids;
import dev.storekeeper.platform.InvalidRecord;
import dev.storekeeper.platform.NotFound;
import dev.storekeeper.platform.PaymentFailed;
import dev.storekeeper.platform.Ref;
import dev.storekeeper.platform.StateConflict;
import dev.storekeeper.platform.Times;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkouts: priced and checked when created, completed exactly once into an order —
 * lock, re-check, take stock and the discount, find or create the customer, charge, place
 * the order — all in one transaction.
 */
@Service
public class Checkouts {

	private static final Logger log = LoggerFactory.getLogger(Checkouts.class);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private static final int MAX_QUANTITY = 1000;

	private final CheckoutRepository checkouts;

	private final Catalog catalog;

	private final Discounts discounts;

	private final Customers customers;

	private final Payments payments;

	private final OrderBook orders;

	private final Accounts accounts;

	private final Events events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration ttl;

	private final Carts carts;

	private final String publicUrl;

	private final Counter completed;

	Checkouts(CheckoutRepository checkouts, Catalog catalog, Discounts discounts, Customers customers,
			Payments payments, OrderBook orders, Accounts accounts, Events events, TransactionTemplate transactions,
			Carts carts, Clock clock, @Value("${storekeeper.checkout.ttl:24h}") Duration ttl,
			@Value("${storekeeper.public-url}") String publicUrl, MeterRegistry meters) {
		this.completed = Counter.builder("storekeeper.checkouts.completed")
			.description("Checkouts completed into an order on this node")
			.register(meters);
		this.checkouts = checkouts;
		this.catalog = catalog;
		this.discounts = discounts;
		this.customers = customers;
		this.payments = payments;
		this.orders = orders;
		this.accounts = accounts;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.ttl = ttl;
		this.carts = carts;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** One line the buyer asked for, before it is checked. */
	record Request(@Nullable Ref priceVariant, int quantity, @Nullable Long customAmount, String key) {
	}

	/**
	 * Creates a checkout from the reference's {@code checkoutItemsAttributes}, the seed's
	 * flat {@code priceVariantId}, or items given by another capability (a cart, a
	 * checkout link).
	 */
	public CheckoutJson create(Caller caller, Fields fields) {
		Errors errors = fields.errors();
		List<Request> requests = new ArrayList<>();
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
		if (email != null && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
			errors.add("email", "is invalid");
		}
		errors.throwIfAny();
		return open(caller.accountId(), caller.livemode(), requests, (email != null) ? email.trim() : null,
				discountCode, null, returnUrl, cancelUrl, cartId, null, true);
	}

	/**
	 * Opens a checkout for {@code requests}, checked and priced; records
	 * {@code checkout.created}.
	 */
	CheckoutJson open(long accountId, boolean livemode, List<Request> requests, @Nullable String email,
			@Nullable String discountCode, @Nullable Long discountId, @Nullable String returnUrl,
			@Nullable String cancelUrl, @Nullable Long cartId, @Nullable Long linkId, boolean allowDiscountCodes) {
		return this.transactions.execute((status) -> {
			Instant now = Times.now(this.clock);
			Priced priced = price(accountId, livemode, requests, discountCode, discountId, now);
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
			String mode = priced.variants().stream().anyMatch(VariantForSale::recurring) ? "subscription" : "payment";
			CheckoutRepository.NewCheckout checkout = new CheckoutRepository.NewCheckout(accountId, livemode, mode,
					priced.currency(), email, (priced.discount() != null) ? priced.discount().id() : null,
					priced.pricing().subtotal(), priced.pricing().discountAmount(), priced.pricing().total(), returnUrl,
					cancelUrl, cartId, linkId, allowDiscountCodes, now.plus(this.ttl));
			long id = this.checkouts.insert(Ids.next("co"), "cs_" + Ids.random(40), checkout, items, now);
			Checkout created = this.checkouts.findById(accountId, livemode, id).orElseThrow();
			if (created.total() > 0) {
				created = replaceProcessorSession(created, now);
			}
			CheckoutJson json = json(created);
			this.events.record(accountId, livemode, "checkout.created", json);
			return json;
		});
	}

	/** One of the caller's checkouts. */
	public CheckoutJson get(Caller caller, String key) {
		return json(find(caller, key));
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
		return json(findBySecret(secret));
	}

	/**
	 * Changes what the buyer may change: email, name, discount code, a pay-what-you-want
	 * amount.
	 */
	public CheckoutJson updateBySecret(String secret, Fields fields) {
		return change(findBySecret(secret), fields);
	}

	private CheckoutJson change(Checkout found, Fields fields) {
		return this.transactions.execute((status) -> {
			Checkout checkout = this.checkouts.lock(found.id());
			Instant now = Times.now(this.clock);
			requireOpen(checkout, now);
			Errors errors = fields.errors();
			String email = fields.has("email") ? fields.string("email") : checkout.email();
			if (email != null && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
				errors.add("email", "is invalid");
			}
			String name = fields.has("name") ? fields.string("name") : checkout.name();
			if (name != null && name.length() > 200) {
				errors.add("name", "is too long (maximum is 200 characters)");
			}
			Long customAmount = fields.integer("customAmount");
			errors.throwIfAny();
			List<Request> requests = requests(checkout);
			if (customAmount != null) {
				requests = requests.stream()
					.map((request) -> new Request(request.priceVariant(), request.quantity(), customAmount,
							"customAmount"))
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
			Priced priced = price(checkout.accountId(), checkout.livemode(), requests,
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
			return json(changed);
		});
	}

	/**
	 * Completes the checkout a client secret opens, exactly once: one transaction that
	 * locks it, re-checks it, takes stock and the discount, finds or creates the
	 * customer, charges the card (unless it is free) and places the order. A declined
	 * card undoes all of it, leaves the checkout open, records {@code payment.failed} and
	 * is answered 402.
	 */
	public CheckoutJson confirm(String secret, @Nullable String email, @Nullable String name, @Nullable Card card) {
		Checkout found = findBySecret(secret);
		try {
			return this.transactions.execute((status) -> complete(found.id(), email, name, new ByCard(card)));
		}
		catch (PaymentFailed ex) {
			this.transactions.executeWithoutResult((status) -> {
				Map<String, Object> data = new java.util.LinkedHashMap<>();
				data.put("checkout",
						json(this.checkouts.findById(found.accountId(), found.livemode(), found.id()).orElseThrow()));
				data.put("code", ex.code());
				data.put("message", ex.getMessage());
				this.events.record(found.accountId(), found.livemode(), "payment.failed", data);
			});
			throw ex;
		}
	}

	/** How a checkout is paid: a card given to this server, or a processor's session. */
	sealed interface Payment permits ByCard, PaidSession {

	}

	/** A card the buyer typed, charged through the mode's gateway (the sandbox). */
	record ByCard(@Nullable Card card) implements Payment {
	}

	/** A payment the processor already took on its own form. */
	record PaidSession(String gateway, PaymentGateway.Charged charge, long amount, String currency) implements Payment {
	}

	private CheckoutJson complete(long checkoutId, @Nullable String givenEmail, @Nullable String givenName,
			Payment payment) {
		Checkout checkout = this.checkouts.lock(checkoutId);
		Instant now = Times.now(this.clock);
		// A paid session was held to the processor's own expiry: money it took is
		// honoured.
		if (!(payment instanceof PaidSession && checkout.status().equals("open"))) {
			requireOpen(checkout, now);
		}
		String email = (givenEmail != null && !givenEmail.isBlank()) ? givenEmail.trim() : checkout.email();
		String name = (givenName != null && !givenName.isBlank()) ? givenName.trim() : checkout.name();
		if (email == null || email.isBlank()) {
			throw Errors.of("email", "can't be blank");
		}
		if (!EMAIL.matcher(email).matches()) {
			throw Errors.of("email", "is invalid");
		}
		Priced priced = price(checkout.accountId(), checkout.livemode(), requests(checkout), null,
				checkout.discountId(), now);
		Errors errors = new Errors();
		for (int i = 0; i < checkout.items().size(); i++) {
			Checkout.Item item = checkout.items().get(i);
			if (!this.catalog.takeStock(item.priceVariantId(), item.quantity())) {
				errors.add("checkoutItems",
						priced.variants().get(i).productName() + " (" + priced.variants().get(i).name()
								+ ") is sold out or has fewer than " + item.quantity() + " left");
			}
		}
		errors.throwIfAny();
		Discount discount = priced.discount();
		if (discount != null && !this.discounts.redeem(discount.id(), now)) {
			throw Errors.of("discountCode", "has reached its redemption limit");
		}
		Customer customer = this.customers.findOrCreateByEmail(checkout.accountId(), checkout.livemode(), email, name);
		if (customer.blacklisted()) {
			throw Errors.of("base", "This buyer cannot purchase from this store");
		}
		long total = priced.pricing().total();
		Long chargeId = null;
		if (total > 0 && payment instanceof PaidSession paid) {
			if (paid.amount() != total || !paid.currency().equalsIgnoreCase(checkout.currency())) {
				throw Errors.of("base", "The payment (" + paid.amount() + " " + paid.currency()
						+ ") does not match the checkout's total (" + total + " " + checkout.currency() + ")");
			}
			chargeId = this.payments
				.record(checkout.accountId(), checkout.livemode(), paid.gateway(), paid.charge(), total,
						checkout.currency(), "Checkout " + checkout.prefixId())
				.id();
		}
		else if (total > 0 && payment instanceof ByCard(Card card)) {
			if (checkout.processorId() != null || this.payments.sessions(checkout.livemode()) != null) {
				throw Errors.of("payment", "is taken on Stripe's payment form: pay with this checkout's clientSecret "
						+ "through Stripe.js, or on the hosted checkout page");
			}
			if (card == null) {
				throw Errors.of("payment", "needs a card: this checkout is not free");
			}
			Charge charge = this.payments.charge(checkout.accountId(), checkout.livemode(), total, checkout.currency(),
					card, "Checkout " + checkout.prefixId());
			chargeId = charge.id();
		}
		else if (total > 0) {
			throw Errors.of("payment", "is missing");
		}
		List<NewOrder.NewLine> lines = new ArrayList<>();
		for (int i = 0; i < checkout.items().size(); i++) {
			Checkout.Item item = checkout.items().get(i);
			lines.add(new NewOrder.NewLine(item.priceVariantId(), item.productId(), item.quantity(),
					priced.units().get(i), priced.pricing().lineDiscounts().get(i)));
		}
		PlacedOrder order = this.orders.place(new NewOrder(checkout.accountId(), checkout.livemode(), checkout.id(),
				customer.id(), (discount != null) ? discount.id() : null, checkout.currency(),
				priced.pricing().subtotal(), priced.pricing().discountAmount(), total, chargeId, lines));
		if (!this.checkouts.complete(checkout.id(), email, name, order.id(), order.prefixId(), now)) {
			throw new StateConflict("Checkout " + checkout.prefixId() + " is already complete");
		}
		CheckoutJson json = json(
				this.checkouts.findById(checkout.accountId(), checkout.livemode(), checkout.id()).orElseThrow());
		this.events.record(checkout.accountId(), checkout.livemode(), "checkout.completed", json);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Checkouts.this.completed.increment();
			}
		});
		return json;
	}

	/**
	 * Completes the checkout a processor's session pays, once the processor says it is
	 * paid (Stripe's {@code checkout.session.completed}, or the buyer's return from its
	 * form): the same exactly-once completion as a card, with the processor's charge.
	 * Safe to call any number of times, at once: the second call finds the checkout
	 * complete. A payment that can no longer become an order (sold out meanwhile, or made
	 * on a session the checkout has replaced) is refunded and {@code payment.failed} is
	 * recorded.
	 * @return the checkout, or null when the session is not paid yet or not this server's
	 */
	public @Nullable CheckoutJson completeProcessorSession(String sessionId) {
		SessionGateway sessions = this.payments.sessions(true);
		if (sessions == null) {
			return null;
		}
		SessionGateway.PaidSession paid = sessions.retrieve(sessionId);
		Checkout found = this.checkouts.findByProcessorId(sessionId).orElse(null);
		if (found == null) {
			Checkout replaced = (paid.reference() != null)
					? this.checkouts.findAnyByPrefixId(paid.reference()).orElse(null) : null;
			if (replaced == null) {
				log.warn("Stripe session {} belongs to no checkout of this server: ignored", sessionId);
				return null;
			}
			if (paid.paid() && paid.charge() != null) {
				giveBack(replaced, sessions, paid, "The payment was made on a payment form this checkout had "
						+ "replaced (its price changed), so it was refunded");
			}
			return null;
		}
		if (!paid.paid() || paid.charge() == null) {
			return json(found);
		}
		try {
			return this.transactions.execute((status) -> complete(found.id(), paid.email(), paid.name(),
					new PaidSession(sessions.name(), paid.charge(), paid.amount(), paid.currency())));
		}
		catch (StateConflict ex) {
			Checkout now = this.checkouts.findById(found.accountId(), found.livemode(), found.id()).orElseThrow();
			if (!now.status().equals("complete")) {
				giveBack(now, sessions, paid, ex.getMessage());
			}
			return json(now);
		}
		catch (InvalidRecord ex) {
			giveBack(found, sessions, paid, ex.getMessage());
			return json(this.checkouts.findById(found.accountId(), found.livemode(), found.id()).orElseThrow());
		}
	}

	/**
	 * Records {@code payment.failed} for a session whose delayed payment method (a bank
	 * debit) failed: the checkout stays open.
	 */
	public void processorPaymentFailed(String sessionId) {
		this.checkouts.findByProcessorId(sessionId)
			.ifPresent((checkout) -> this.transactions.executeWithoutResult((status) -> {
				Map<String, Object> data = new java.util.LinkedHashMap<>();
				data.put("checkout", json(checkout));
				data.put("code", "async_payment_failed");
				data.put("message", "The buyer's payment did not go through");
				this.events.record(checkout.accountId(), checkout.livemode(), "payment.failed", data);
			}));
	}

	private void giveBack(Checkout checkout, SessionGateway sessions, SessionGateway.PaidSession paid, String reason) {
		PaymentGateway.Charged charge = java.util.Objects.requireNonNull(paid.charge());
		if (sessions.amountRefunded(charge.processorId()) >= paid.amount()) {
			// Given back already: this is the processor sending the same event again.
			return;
		}
		String refund = this.payments.refundUnplaced(sessions.name(), charge.processorId(), paid.amount(),
				paid.currency());
		log.warn("Checkout {}: refunded {} {} paid on {} ({}): {}", checkout.prefixId(), paid.amount(), paid.currency(),
				paid.id(), refund, reason);
		this.transactions.executeWithoutResult((status) -> {
			Map<String, Object> data = new java.util.LinkedHashMap<>();
			data.put("checkout", json(
					this.checkouts.findById(checkout.accountId(), checkout.livemode(), checkout.id()).orElseThrow()));
			data.put("code", "refunded");
			data.put("message", reason);
			this.events.record(checkout.accountId(), checkout.livemode(), "payment.failed", data);
		});
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
			if (checkout.mode().equals("subscription")) {
				throw Errors.of("base", "Subscriptions cannot be paid through Stripe on this server yet: "
						+ "sell this variant as a one-time payment");
			}
			SessionGateway.Session session = sessions
				.open(new SessionGateway.SessionRequest(checkout.prefixId(), checkout.prefixId() + "-" + Ids.random(16),
						checkout.total(), checkout.currency(), description(checkout), checkout.email(),
						this.publicUrl + "/checkout/" + checkout.clientSecret(), checkout.expiresAt()));
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

	private static void requireOpen(Checkout checkout, Instant now) {
		if (checkout.status().equals("complete")) {
			throw new StateConflict("Checkout " + checkout.prefixId() + " is already complete");
		}
		if (!checkout.isOpen(now)) {
			throw new StateConflict(
					"Checkout " + checkout.prefixId() + " is " + checkout.status(now) + ": start a new checkout");
		}
	}

	/**
	 * The lines of a checkout, priced: the variants, the unit amounts and the pricing
	 * under its discount.
	 */
	record Priced(String currency, List<VariantForSale> variants, List<Long> units, @Nullable Discount discount,
			Pricing pricing) {
	}

	private Priced price(long accountId, boolean livemode, List<Request> requests, @Nullable String discountCode,
			@Nullable Long discountId, Instant now) {
		Errors errors = new Errors();
		List<VariantForSale> variants = new ArrayList<>();
		List<Long> units = new ArrayList<>();
		Set<String> currencies = new HashSet<>();
		Set<Long> seen = new HashSet<>();
		for (Request request : requests) {
			String key = request.key();
			if (request.priceVariant() == null) {
				errors.add(key + ".priceVariantId", "can't be blank");
				continue;
			}
			VariantForSale variant = this.catalog.variantForSale(accountId, livemode, request.priceVariant())
				.orElse(null);
			if (variant == null) {
				errors.add(key + ".priceVariantId", "does not exist");
				continue;
			}
			if (!seen.add(variant.id())) {
				errors.add(key + ".priceVariantId", "is already in this checkout");
			}
			if (!"active".equals(variant.productStatus())) {
				errors.add(key + ".priceVariantId", "belongs to " + variant.productName() + ", which is not active");
			}
			else if (variant.archived()) {
				errors.add(key + ".priceVariantId", "is archived");
			}
			else if (variant.waitlist()) {
				errors.add(key + ".priceVariantId", "is on a waitlist and cannot be bought yet");
			}
			if (request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
				errors.add(key + ".quantity", "must be between 1 and " + MAX_QUANTITY);
			}
			else if (variant.quantityAvailable() != null && request.quantity() > variant.quantityAvailable()) {
				errors.add(key + ".quantity", (variant.quantityAvailable() == 0) ? "is not available: sold out"
						: "is more than the " + variant.quantityAvailable() + " available");
			}
			long unit = variant.amount();
			if ("free".equals(variant.billingType())) {
				unit = 0;
			}
			else if (variant.payWhatYouWant()) {
				Long custom = request.customAmount();
				unit = (custom != null) ? custom : (variant.presetAmount() != null) ? variant.presetAmount()
						: (variant.minimumAmount() != null) ? variant.minimumAmount() : variant.amount();
				if (variant.minimumAmount() != null && unit < variant.minimumAmount()) {
					errors.add(key + ".customAmount", "must be at least " + variant.minimumAmount());
				}
				else if (variant.maximumAmount() != null && unit > variant.maximumAmount()) {
					errors.add(key + ".customAmount", "must be at most " + variant.maximumAmount());
				}
				else if (unit < 0) {
					errors.add(key + ".customAmount", "must be at least 0");
				}
			}
			currencies.add(variant.currency());
			variants.add(variant);
			units.add(unit);
		}
		errors.throwIfAny();
		if (currencies.size() > 1) {
			errors.add("base", "All items of a checkout must be in the same currency");
		}
		long recurring = variants.stream().filter(VariantForSale::recurring).count();
		if (recurring > 0 && recurring < variants.size()) {
			errors.add("base", "A checkout cannot mix subscription and one-time items");
		}
		if (recurring > 1) {
			errors.add("base", "A checkout can hold at most one subscription item");
		}
		errors.throwIfAny();
		String currency = variants.get(0).currency();
		List<Pricing.Line> lines = new ArrayList<>();
		for (int i = 0; i < variants.size(); i++) {
			lines.add(new Pricing.Line(variants.get(i).id(), units.get(i), requests.get(i).quantity()));
		}
		Discount discount = null;
		if (discountCode != null && !discountCode.isBlank()) {
			discount = this.discounts.findActiveByCode(accountId, livemode, discountCode, now);
		}
		else if (discountId != null) {
			discount = this.discounts.findActive(accountId, livemode, discountId, now);
		}
		Pricing pricing = (discount != null) ? Pricing.of(discount, lines, currency) : Pricing.undiscounted(lines);
		return new Priced(currency, variants, units, discount, pricing);
	}

	private static List<Request> requests(Checkout checkout) {
		List<Request> requests = new ArrayList<>();
		int index = 0;
		for (Checkout.Item item : checkout.items()) {
			requests.add(new Request(new Ref(item.priceVariantId(), null), item.quantity(), item.customAmount(),
					"checkoutItems[" + index++ + "]"));
		}
		return requests;
	}

	private static Request request(Fields item) {
		Ref variant = item.ref("priceVariantId");
		Long quantity = item.integer("quantity");
		Long custom = item.integer("customAmount");
		String probe = item.key("x");
		String key = (probe.length() > 1) ? probe.substring(0, probe.length() - 2) : "checkoutItems[0]";
		return new Request(variant, (quantity != null) ? (int) Math.max(Math.min(quantity, Integer.MAX_VALUE), -1) : 1,
				custom, key);
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

	/**
	 * Whether the buyer of the checkout a client secret opens may apply a discount code
	 * (not when its link says {@code allowDiscountCodes: false}).
	 */
	boolean allowsDiscountCodes(String secret) {
		return this.checkouts.allowsDiscountCodes(findBySecret(secret).id());
	}

	private Checkout findBySecret(String secret) {
		if (!secret.matches("cs_[0-9A-Za-z_]{10,400}")) {
			throw new NotFound("Checkout");
		}
		return this.checkouts.findBySecret(secret).orElseThrow(() -> new NotFound("Checkout"));
	}

	/**
	 * The checkout as JSON: items with their variants and products, loaded in batches.
	 */
	CheckoutJson json(Checkout checkout) {
		Instant now = Times.now(this.clock);
		List<Long> variantIds = checkout.items().stream().map(Checkout.Item::priceVariantId).toList();
		List<Long> productIds = checkout.items().stream().map(Checkout.Item::productId).toList();
		Map<Long, PriceVariantJson> variants = this.catalog.variantJson(checkout.accountId(), checkout.livemode(),
				variantIds);
		Map<Long, ProductJson> products = this.catalog.productJson(checkout.accountId(), checkout.livemode(),
				productIds);
		DiscountJson discount = (checkout.discountId() != null)
				? this.discounts.discountJson(checkout.accountId(), checkout.livemode(), List.of(checkout.discountId()))
					.get(checkout.discountId())
				: null;
		List<CheckoutJson.ItemJson> items = new ArrayList<>();
		List<Pricing.Line> lines = new ArrayList<>();
		for (Checkout.Item item : checkout.items()) {
			PriceVariantJson variant = variants.get(item.priceVariantId());
			long unit = (item.customAmount() != null) ? item.customAmount()
					: (variant != null && !"free".equals(variant.billingType())) ? variant.amount() : 0;
			lines.add(new Pricing.Line(item.priceVariantId(), unit, item.quantity()));
		}
		for (int i = 0; i < checkout.items().size(); i++) {
			Checkout.Item item = checkout.items().get(i);
			items.add(new CheckoutJson.ItemJson(item.id(), item.prefixId(), item.quantity(), lines.get(i).unitAmount(),
					item.customAmount(), item.discountAmount(), variants.get(item.priceVariantId()),
					products.get(item.productId())));
		}
		AccountJson seller = AccountJson.of(this.accounts.get(checkout.accountId()));
		return new CheckoutJson(checkout.id(), checkout.prefixId(), checkout.status(now), checkout.mode(),
				checkout.currency(), checkout.subtotal(), checkout.discountAmount(), checkout.total(),
				checkout.total() == 0, checkout.processorId(),
				(checkout.processorClientSecret() != null) ? checkout.processorClientSecret() : checkout.clientSecret(),
				checkout.email(), this.publicUrl + "/checkout/" + checkout.clientSecret(), checkout.returnUrl(),
				checkout.cancelUrl(), discount, checkout.orderPrefixId(), checkout.expiresAt(), checkout.completedAt(),
				checkout.livemode(), items, seller, checkout.createdAt(), checkout.updatedAt());
	}

}
