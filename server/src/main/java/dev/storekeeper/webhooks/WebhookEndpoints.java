package dev.storekeeper.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import dev.storekeeper.webhooks.WebhookEndpointRepository.Draft;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.storekeeper.sellvy.SellvyEvents;

/**
 * The addresses a seller's events are delivered to, one mode each; their secret is shown
 * only when made.
 */
@Service
public class WebhookEndpoints {

	/** Every event type an endpoint can ask for. */
	public static final List<String> EVENT_TYPES = List.of("checkout.created", "checkout.completed", "order.created",
			"order.paid", "order.refunded", "order.disputed", "payment.failed", "customer.created", "lead.created",
			"product.created", "product.updated", "product.deleted", "product.low_stock", "review.created",
			"subscription.created", "subscription.renewed", "subscription.past_due", "subscription.paused",
			"subscription.resumed", "subscription.cancelled", "subscription.canceled", "invoice.created",
			"invoice.paid", "invoice.payment_failed", "invoice.past_due", "invoice.voided");

	/** The other spelling of an event type both of whose spellings may be subscribed. */
	static String alias(String type) {
		return switch (type) {
			case "subscription.cancelled" -> "subscription.canceled";
			case "subscription.canceled" -> "subscription.cancelled";
			default -> type;
		};
	}

	/** The dialects an endpoint can speak. */
	static final List<String> DIALECTS = List.of("crevio", "sellvy");

	/** The outbox type prefix of an event rendered for Sellvy endpoints. */
	static final String SELLVY = "sellvy:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookEndpointRepository endpoints;

	private final Clock clock;

	WebhookEndpoints(WebhookEndpointRepository endpoints, Clock clock) {
		this.endpoints = endpoints;
		this.clock = clock;
	}

	/** An endpoint as stored. */
	record Endpoint(long id, String prefixId, long accountId, boolean livemode, String url, String secret,
			List<String> enabledEvents, String status, @Nullable String description, String dialect, Instant createdAt,
			Instant updatedAt) {

		/**
		 * Whether it takes an event of this outbox type: a Sellvy endpoint only the
		 * Sellvy renderings ({@code sellvy:order.completed}), the others only the rest.
		 */
		boolean wants(String type) {
			if (!this.status.equals("active") || sellvy() != type.startsWith(SELLVY)) {
				return false;
			}
			String name = sellvy() ? type.substring(SELLVY.length()) : type;
			return this.enabledEvents.contains("*") || this.enabledEvents.contains(name)
					|| this.enabledEvents.contains(alias(name));
		}

		boolean sellvy() {
			return "sellvy".equals(this.dialect);
		}

	}

	/** An endpoint on the wire; {@code secret} only when it was just made or rotated. */
	public record EndpointJson(long id, String prefixId, String url, List<String> enabledEvents, String status,
			@Nullable String description, @Nullable String secret, String dialect, boolean livemode, Instant createdAt,
			Instant updatedAt) {

		static EndpointJson of(Endpoint endpoint, boolean withSecret) {
			return new EndpointJson(endpoint.id(), endpoint.prefixId(), endpoint.url(), endpoint.enabledEvents(),
					endpoint.status(), endpoint.description(), withSecret ? endpoint.secret() : null,
					endpoint.dialect(), endpoint.livemode(), endpoint.createdAt(), endpoint.updatedAt());
		}

	}

	@Transactional(readOnly = true)
	Page<EndpointJson> list(Caller caller, PageQuery page) {
		long count = this.endpoints.count(caller.accountId(), caller.livemode());
		List<EndpointJson> items = this.endpoints.page(caller.accountId(), caller.livemode(), page)
			.stream()
			.map((endpoint) -> EndpointJson.of(endpoint, false))
			.toList();
		return Page.of(items, page, count);
	}

	@Transactional
	EndpointJson create(Caller caller, Fields fields) {
		Draft draft = apply(caller, fields, new Draft(null, List.of("*"), "active", null, "crevio"), true);
		long id = this.endpoints.insert(Ids.next("we"), caller.accountId(), caller.livemode(), draft, newSecret(),
				Times.now(this.clock));
		return EndpointJson.of(find(caller, String.valueOf(id)), true);
	}

	@Transactional
	EndpointJson update(Caller caller, String key, Fields fields) {
		Endpoint endpoint = find(caller, key);
		Draft draft = apply(caller, fields, new Draft(endpoint.url(), endpoint.enabledEvents(), endpoint.status(),
				endpoint.description(), endpoint.dialect()), false);
		this.endpoints.update(endpoint.id(), draft, Times.now(this.clock));
		return EndpointJson.of(find(caller, key), false);
	}

	@Transactional
	EndpointJson rotate(Caller caller, String key) {
		Endpoint endpoint = find(caller, key);
		this.endpoints.setSecret(endpoint.id(), newSecret(), Times.now(this.clock));
		return EndpointJson.of(find(caller, key), true);
	}

	@Transactional
	void delete(Caller caller, String key) {
		this.endpoints.delete(find(caller, key).id());
	}

	@Transactional(readOnly = true)
	EndpointJson get(Caller caller, String key) {
		return EndpointJson.of(find(caller, key), false);
	}

	Endpoint find(Caller caller, String key) {
		return this.endpoints.find(caller.accountId(), caller.livemode(), Ref.parse(key))
			.orElseThrow(() -> new NotFound("Webhook endpoint"));
	}

	/** The active endpoints of an account and mode. */
	List<Endpoint> active(long accountId, boolean livemode) {
		return this.endpoints.active(accountId, livemode);
	}

	Optional<Endpoint> byId(long id) {
		return this.endpoints.byId(id);
	}

	/**
	 * Whether the account has an active Sellvy-dialect endpoint in that mode (from the
	 * cache of active endpoints, which any endpoint change forgets).
	 */
	boolean hasSellvy(long accountId, boolean livemode) {
		return this.endpoints.hasSellvy(accountId, livemode);
	}

	void disable(long id) {
		this.endpoints.disable(id, Times.now(this.clock));
	}

	private Draft apply(Caller caller, Fields fields, Draft current, boolean creating) {
		Errors errors = fields.errors();
		String url = (creating || fields.has("url")) ? fields.string("url") : current.url();
		if (url == null || url.isBlank()) {
			if (!errors.has("url")) {
				errors.add("url", "can't be blank");
			}
		}
		else {
			try {
				URI uri = URI.create(url.trim());
				if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
						|| url.length() > 2000) {
					errors.add("url", "must be an http or https URL");
				}
				else if (caller.livemode() && !"https".equals(uri.getScheme())) {
					errors.add("url", "must use HTTPS for a live-mode endpoint");
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add("url", "must be an http or https URL");
			}
		}
		String dialect = current.dialect();
		if (fields.has("dialect")) {
			String value = fields.string("dialect");
			if (value == null || !DIALECTS.contains(value)) {
				errors.add("dialect", "is not included in the list");
			}
			else {
				dialect = value;
			}
		}
		List<String> known = "sellvy".equals(dialect) ? SellvyEvents.TYPES : EVENT_TYPES;
		List<String> events = current.events();
		if (!fields.has("enabledEvents") && !dialect.equals(current.dialect())) {
			for (String type : events) {
				if (!type.equals("*") && !known.contains(type)) {
					errors.add("enabledEvents", "contains an event type the " + dialect + " dialect lacks: " + type);
				}
			}
		}
		if (fields.has("enabledEvents")) {
			List<String> given = fields.strings("enabledEvents");
			if (given == null || given.isEmpty()) {
				if (!errors.has("enabledEvents")) {
					errors.add("enabledEvents", "can't be blank (use [\"*\"] for every event)");
				}
			}
			else {
				for (String type : given) {
					if (!type.equals("*") && !known.contains(type)) {
						errors.add("enabledEvents", "contains an unknown event type: " + type);
					}
				}
				events = new ArrayList<>(new LinkedHashSet<>(given));
			}
		}
		String status = current.status();
		if (fields.has("status")) {
			String value = fields.string("status");
			if (!"active".equals(value) && !"disabled".equals(value)) {
				errors.add("status", "is not included in the list");
			}
			else {
				status = value;
			}
		}
		String description = fields.has("description") ? fields.string("description") : current.description();
		if (description != null && description.length() > 500) {
			errors.add("description", "is too long (maximum is 500 characters)");
		}
		errors.throwIfAny();
		return new Draft((url != null) ? url.trim() : null, events, status, description, dialect);
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Signatures.PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

}
