package dev.storekeeper.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.PublicUrl;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.storekeeper.platform.web.WireSchema;

/**
 * Charges and refunds through the gateway of the caller's mode: the sandbox in test mode;
 * in live mode the configured live gateway, or none, in which case paid checkouts are
 * refused.
 */
@Service
public class Payments {

	private final ChargeRepository charges;

	private final Map<String, PaymentGateway> gateways;

	private final String liveGateway;

	private final PublicUrl publicUrl;

	private final Clock clock;

	Payments(ChargeRepository charges, List<PaymentGateway> gateways, StripeConfiguration.Stripe stripe,
			@Value("${storekeeper.payments.live-gateway:}") String liveGateway, PublicUrl publicUrl, Clock clock) {
		this.charges = charges;
		List<PaymentGateway> all = new java.util.ArrayList<>(gateways);
		if (stripe.gateway() != null) {
			all.add(stripe.gateway());
		}
		this.gateways = all.stream().collect(Collectors.toMap(PaymentGateway::name, Function.identity()));
		this.liveGateway = (liveGateway.isBlank() && this.gateways.containsKey("stripe")) ? "stripe" : liveGateway;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/** Whether paid checkouts can be charged in this mode. */
	public boolean acceptsPayments(boolean livemode) {
		return !livemode || this.gateways.containsKey(this.liveGateway);
	}

	/**
	 * The name of the gateway that charges in this mode, or null when live payments are
	 * not configured.
	 */
	public @Nullable String gatewayName(boolean livemode) {
		if (!livemode) {
			return "sandbox";
		}
		return this.gateways.containsKey(this.liveGateway) ? this.liveGateway : null;
	}

	/**
	 * The gateway of this mode when its buyers pay on the processor's own form (Stripe),
	 * else null (the sandbox takes card details directly).
	 */
	public @Nullable SessionGateway sessions(boolean livemode) {
		String name = gatewayName(livemode);
		return (name != null && this.gateways.get(name) instanceof SessionGateway sessions) ? sessions : null;
	}

	/**
	 * Gives back a payment the processor took that cannot become an order (the checkout
	 * changed or sold out meanwhile). Nothing is recorded here: no order holds it.
	 */
	public String refundUnplaced(String gateway, String processorChargeId, long amount, String currency) {
		PaymentGateway found = this.gateways.get(gateway);
		if (found == null) {
			throw Errors.of("base", "The gateway " + gateway + " is not configured");
		}
		return found.refund(processorChargeId, amount, currency);
	}

	/**
	 * Charges a card through the mode's gateway and records the charge, inside the
	 * caller's transaction.
	 * @throws dev.storekeeper.payments.PaymentFailed when declined (nothing is recorded)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Charge charge(long accountId, boolean livemode, long amount, String currency, @Nullable Card card,
			String description) {
		String name = gatewayName(livemode);
		if (name == null) {
			throw Errors.of("base", "Live payments are not configured on this server (set STRIPE_SECRET_KEY)");
		}
		PaymentGateway gateway = this.gateways.get(name);
		PaymentGateway.Charged charged = gateway.charge(amount, currency, card, description);
		return record(accountId, livemode, name, charged, amount, currency, description);
	}

	/**
	 * Checks a card through the mode's gateway and returns it as saved for later charges
	 * (the sandbox keeps its test behaviour in the reference, never the number).
	 */
	public PaymentGateway.SavedCard save(boolean livemode, Card card) {
		String name = gatewayName(livemode);
		if (name == null) {
			throw Errors.of("base", "Live payments are not configured on this server (set STRIPE_SECRET_KEY)");
		}
		return this.gateways.get(name).save(card);
	}

	/**
	 * Charges a saved card without the buyer through {@code gateway} and records the
	 * charge in the caller's transaction; a decline is an answer, not an exception, so
	 * the caller can record it in the same transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OffSession chargeSaved(long accountId, boolean livemode, String gateway, PaymentGateway.SavedCard card,
			long amount, String currency, String description, String idempotencyKey) {
		PaymentGateway found = this.gateways.get(gateway);
		if (found == null) {
			return new OffSession(null, "processing_error", "The gateway " + gateway + " is not configured");
		}
		try {
			PaymentGateway.Charged charged = found.chargeSaved(card, amount, currency, description, idempotencyKey);
			return new OffSession(record(accountId, livemode, gateway, charged, amount, currency, description), null,
					null);
		}
		catch (PaymentFailed ex) {
			return new OffSession(null, ex.code(), ex.getMessage());
		}
		catch (ProcessorError ex) {
			return new OffSession(null, "processing_error", ex.getMessage());
		}
	}

	/** A charge without the buyer: the charge, or the decline's code and message. */
	public record OffSession(@Nullable Charge charge, @Nullable String declineCode, @Nullable String message) {
	}

	/**
	 * Records a charge a gateway made outside this service (such as a completed Stripe
	 * session).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Charge record(long accountId, boolean livemode, String gateway, PaymentGateway.Charged charged, long amount,
			String currency, String description) {
		String prefixId = Ids.next("ch");
		String receiptUrl = (charged.receiptUrl() != null) ? charged.receiptUrl()
				: this.publicUrl.of("/receipts/" + prefixId);
		Instant now = Times.now(this.clock);
		long id = this.charges.insert(prefixId, accountId, livemode, gateway, charged.processorId(), amount, currency,
				charged.cardLastFour(), receiptUrl, description, now);
		// the row as inserted (a new charge has succeeded and nothing refunded), not read
		// back
		return new Charge(id, prefixId, accountId, livemode, gateway, charged.processorId(), amount, currency, 0,
				"succeeded", charged.cardLastFour(), receiptUrl, now);
	}

	/**
	 * Refunds part or all of a charge through the gateway that made it, and returns the
	 * processor's refund id. Refuses more than what is left.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String refund(long chargeId, long amount) {
		Charge charge = this.charges.find(chargeId).orElseThrow(() -> new NotFound("Charge"));
		if (amount <= 0 || amount > charge.refundable()) {
			throw Errors.of("amount", "must be between 1 and " + charge.refundable());
		}
		if (!this.charges.refund(chargeId, amount, Times.now(this.clock))) {
			throw Errors.of("amount", "is more than what is left to refund");
		}
		PaymentGateway gateway = this.gateways.get(charge.gateway());
		if (gateway == null) {
			throw Errors.of("base", "The gateway that made this charge (" + charge.gateway() + ") is not configured");
		}
		return gateway.refund(charge.processorId(), amount, charge.currency());
	}

	/**
	 * Records a refund the processor made on its own (such as one made in Stripe's
	 * dashboard).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean recordExternalRefund(long chargeId, long amount) {
		return this.charges.refund(chargeId, amount, Times.now(this.clock));
	}

	/** Marks a charge disputed by the buyer's bank. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordDispute(long chargeId) {
		this.charges.dispute(chargeId, Times.now(this.clock));
	}

	/** A charge by id. */
	public Optional<Charge> find(long chargeId) {
		return this.charges.find(chargeId);
	}

	/** A charge by the processor's id. */
	public Optional<Charge> findByProcessorId(String gateway, String processorId) {
		return this.charges.findByProcessorId(gateway, processorId);
	}

	/** Charges as orders expand them, in one query. */
	public Map<Long, ChargeJson> chargeJson(Collection<Long> ids) {
		return this.charges.findAll(ids)
			.stream()
			.collect(Collectors.toMap(Charge::id, (charge) -> new ChargeJson(charge.prefixId(), charge.amount(),
					charge.currency(), charge.status(), charge.receiptUrl())));
	}

	/** A charge on the wire, as an order's {@code charge}. */
	@WireSchema("Order.charge")
	public record ChargeJson(String id, long amount, String currency, String status, @Nullable String receiptUrl) {
	}

	Optional<Charge> findByPrefixId(String prefixId) {
		return this.charges.findByPrefixId(prefixId);
	}

}
