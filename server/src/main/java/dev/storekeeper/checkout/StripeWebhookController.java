package dev.storekeeper.checkout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.payments.SessionGateway;
import dev.storekeeper.platform.web.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}: what Stripe tells the server, verified with
 * {@code STRIPE_WEBHOOK_SECRET} by {@code stripe-java}'s own verifier (a forged or stale
 * message is answered 400 and changes nothing). A paid Checkout Session completes its
 * checkout through the same exactly-once path as a card; refunds and disputes made at
 * Stripe keep the order in step. Every handler is safe to run again, as Stripe may send
 * an event more than once; a failure answers 5xx so that Stripe tries again later.
 */
@RestController
class StripeWebhookController {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

	private final Completion completion;

	private final OrderBook orders;

	private final Payments payments;

	private final String secret;

	private final Clock clock;

	private final JsonMapper json;

	StripeWebhookController(Completion completion, OrderBook orders, Payments payments,
			@Value("${storekeeper.stripe.webhook-secret:}") String secret, Clock clock, JsonMapper json) {
		this.completion = completion;
		this.orders = orders;
		this.payments = payments;
		this.secret = secret.trim();
		this.clock = clock;
		this.json = json;
	}

	@PostMapping(path = "/webhooks/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> receive(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
		SessionGateway stripe = this.payments.sessions(true);
		if (stripe == null || !stripe.name().equals("stripe") || this.secret.isEmpty()) {
			return error(HttpStatus.NOT_FOUND, "not_found",
					"Stripe is not configured on this server (set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)");
		}
		if (signature == null || signature.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "signature_invalid", "The Stripe-Signature header is missing");
		}
		String payload = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature, this.secret, Webhook.DEFAULT_TOLERANCE, this.clock);
		}
		catch (SignatureVerificationException ex) {
			log.warn("Refused a Stripe webhook: {}", ex.getMessage());
			return error(HttpStatus.BAD_REQUEST, "signature_invalid",
					"The Stripe signature does not match, or its timestamp is too old");
		}
		catch (RuntimeException ex) {
			return error(HttpStatus.BAD_REQUEST, "invalid_json", "The event is not valid JSON");
		}
		JsonNode object = object(event);
		String id = text(object, "id");
		String type = event.getType();
		log.info("Stripe event {} {} on {}", event.getId(), type, id);
		if (id == null) {
			return error(HttpStatus.BAD_REQUEST, "invalid_json", "The event carries no object id");
		}
		switch (type) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
				this.completion.completeProcessorSession(id);
			case "checkout.session.async_payment_failed" -> this.completion.processorPaymentFailed(id);
			case "charge.refunded" -> {
				JsonNode refunds = object.path("refunds").path("data");
				String refundId = (refunds.isArray() && !refunds.isEmpty()) ? text(refunds.get(0), "id") : null;
				// The charge as Stripe has it now: events may arrive out of order.
				this.orders.recordProcessorRefund(stripe.name(), id, stripe.amountRefunded(id), refundId);
			}
			case "charge.dispute.created" -> {
				String charge = text(object, "charge");
				if (charge != null) {
					this.orders.recordDispute(stripe.name(), charge);
				}
			}
			default -> log.debug("Stripe event type {} is not used", type);
		}
		return ResponseEntity.ok(Map.of("received", true));
	}

	private JsonNode object(Event event) {
		try {
			return this.json.readTree(event.getDataObjectDeserializer().getRawJson());
		}
		catch (JacksonException | NullPointerException ex) {
			return this.json.createObjectNode();
		}
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
		return ResponseEntity.status(status).body(ApiError.of(status.value(), type, message).body());
	}

}
