package dev.storekeeper.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;

import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;

/**
 * Live payments through the seller's own Stripe account, with the official
 * {@code stripe-java} client: a Stripe Checkout Session in custom UI mode for each paid
 * checkout, which the buyer pays on Stripe's payment form; refunds through Stripe's
 * Refund API. Made by {@link StripeConfiguration} when {@code STRIPE_SECRET_KEY} is set.
 */
public class StripeGateway implements PaymentGateway, SessionGateway {

	/** Stripe accepts a session's expiry between 30 minutes and 24 hours from now. */
	private static final Duration SHORTEST = Duration.ofMinutes(31);

	private static final Duration LONGEST = Duration.ofHours(23).plusMinutes(59);

	private final StripeClient client;

	private final @Nullable String publishableKey;

	private final Clock clock;

	StripeGateway(StripeClient client, @Nullable String publishableKey, Clock clock) {
		this.client = client;
		this.publishableKey = publishableKey;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public @Nullable String publishableKey() {
		return this.publishableKey;
	}

	/**
	 * Cards never reach this server in live mode: the buyer types them into Stripe's own
	 * form.
	 */
	@Override
	public Charged charge(long amount, String currency, @Nullable Card card, String description) {
		throw Errors.of("payment", "Live payments are taken on Stripe's payment form: pay with the checkout's "
				+ "clientSecret through Stripe.js, or on the hosted checkout page");
	}

	/**
	 * A renewal: a PaymentIntent confirmed off-session on the saved card of the Stripe
	 * Customer; {@code authentication_required} is a decline like any other.
	 */
	@Override
	public Charged chargeSaved(SavedCard card, long amount, String currency, String description,
			String idempotencyKey) {
		PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
			.setAmount(amount)
			.setCurrency(currency.toLowerCase(Locale.ROOT))
			.setPaymentMethod(card.processorId())
			.setOffSession(true)
			.setConfirm(true)
			.setDescription(description);
		if (card.processorCustomerId() != null) {
			params.setCustomer(card.processorCustomerId());
		}
		try {
			PaymentIntent intent = this.client.paymentIntents()
				.create(params.build(), RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
			return new Charged((intent.getLatestCharge() != null) ? intent.getLatestCharge() : intent.getId(), null,
					card.lastFour());
		}
		catch (CardException ex) {
			throw new PaymentFailed((ex.getCode() != null) ? ex.getCode() : "card_declined",
					(ex.getStripeError() != null && ex.getStripeError().getMessage() != null)
							? ex.getStripeError().getMessage() : "The card was declined.");
		}
		catch (StripeException ex) {
			throw failure("charge a saved card", ex);
		}
	}

	@Override
	public String refund(String processorChargeId, long amount, String currency) {
		try {
			return this.client.refunds()
				.create(RefundCreateParams.builder().setCharge(processorChargeId).setAmount(amount).build())
				.getId();
		}
		catch (StripeException ex) {
			throw failure("refund", ex);
		}
	}

	@Override
	public SessionGateway.Session open(SessionRequest request) {
		Instant now = this.clock.instant();
		Instant expiresAt = request.expiresAt();
		if (expiresAt.isBefore(now.plus(SHORTEST))) {
			expiresAt = now.plus(SHORTEST);
		}
		if (expiresAt.isAfter(now.plus(LONGEST))) {
			expiresAt = now.plus(LONGEST);
		}
		SessionCreateParams.Builder params = SessionCreateParams.builder()
			.setUiMode(SessionCreateParams.UiMode.CUSTOM)
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setReturnUrl(request.returnUrl())
			.setClientReferenceId(request.reference())
			.putMetadata("storekeeper_checkout", request.reference())
			.setExpiresAt(expiresAt.getEpochSecond())
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
				.setDescription(request.description())
				.putMetadata("storekeeper_checkout", request.reference())
				.build())
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(request.currency().toLowerCase(Locale.ROOT))
					.setUnitAmount(request.amount())
					.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
						.setName(request.description())
						.build())
					.build())
				.build());
		if (request.email() != null) {
			params.setCustomerEmail(request.email());
		}
		if (request.saveCard()) {
			// a subscription: Stripe keeps the card on a customer for the renewals'
			// off-session charges
			params.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
			params.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
				.setDescription(request.description())
				.putMetadata("storekeeper_checkout", request.reference())
				.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION)
				.build());
		}
		try {
			com.stripe.model.checkout.Session session = this.client.checkout()
				.sessions()
				.create(params.build(), RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
			return new SessionGateway.Session(session.getId(), session.getClientSecret());
		}
		catch (StripeException ex) {
			throw failure("open a payment session", ex);
		}
	}

	@Override
	public void expire(String sessionId) {
		try {
			this.client.checkout().sessions().expire(sessionId);
		}
		catch (StripeException ex) {
			// A session already completed or expired cannot be expired again: nothing to
			// do.
			if (ex.getStatusCode() == null || ex.getStatusCode() != 400) {
				throw failure("close a payment session", ex);
			}
		}
	}

	@Override
	public PaidSession retrieve(String sessionId) {
		try {
			com.stripe.model.checkout.Session session = this.client.checkout()
				.sessions()
				.retrieve(sessionId, SessionRetrieveParams.builder().addExpand("payment_intent.latest_charge").build(),
						RequestOptions.builder().build());
			boolean paid = "paid".equals(session.getPaymentStatus());
			Charged charged = null;
			SavedCard saved = null;
			PaymentIntent intent = session.getPaymentIntentObject();
			if (paid && intent != null && intent.getLatestChargeObject() != null) {
				com.stripe.model.Charge charge = intent.getLatestChargeObject();
				com.stripe.model.Charge.PaymentMethodDetails.Card card = (charge.getPaymentMethodDetails() != null)
						? charge.getPaymentMethodDetails().getCard() : null;
				String lastFour = (card != null) ? card.getLast4() : null;
				charged = new Charged(charge.getId(), charge.getReceiptUrl(), lastFour);
				// the card kept for off-session renewals, when the session asked Stripe
				// to
				if (card != null && intent.getPaymentMethod() != null && session.getCustomer() != null
						&& card.getExpMonth() != null && card.getExpYear() != null) {
					saved = new SavedCard(intent.getPaymentMethod(), session.getCustomer(),
							(card.getBrand() != null) ? card.getBrand() : "unknown", lastFour,
							card.getExpMonth().intValue(), card.getExpYear().intValue());
				}
			}
			String email = (session.getCustomerDetails() != null) ? session.getCustomerDetails().getEmail()
					: session.getCustomerEmail();
			String name = (session.getCustomerDetails() != null) ? session.getCustomerDetails().getName() : null;
			String reference = (session.getMetadata() != null) ? session.getMetadata().get("storekeeper_checkout")
					: null;
			return new PaidSession(session.getId(), paid && charged != null,
					(reference != null) ? reference : session.getClientReferenceId(),
					(session.getAmountTotal() != null) ? session.getAmountTotal() : 0,
					(session.getCurrency() != null) ? session.getCurrency().toUpperCase(Locale.ROOT) : "", email, name,
					charged, saved);
		}
		catch (StripeException ex) {
			throw failure("read a payment session", ex);
		}
	}

	@Override
	public long amountRefunded(String processorChargeId) {
		try {
			Long refunded = this.client.charges().retrieve(processorChargeId).getAmountRefunded();
			return (refunded != null) ? refunded : 0;
		}
		catch (StripeException ex) {
			throw failure("read a charge", ex);
		}
	}

	private static ProcessorError failure(String what, StripeException ex) {
		String detail = (ex.getStripeError() != null && ex.getStripeError().getMessage() != null)
				? ex.getStripeError().getMessage() : ex.getClass().getSimpleName();
		return new ProcessorError("Stripe could not " + what + ": " + detail, ex);
	}

}
