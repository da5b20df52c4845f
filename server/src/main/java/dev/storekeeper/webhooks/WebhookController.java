package dev.storekeeper.webhooks;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Idempotency;
import dev.storekeeper.platform.web.InvalidParameter;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import dev.storekeeper.platform.web.RequiresAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/webhook_endpoints} and the delivery history {@code /v1/webhook_events}; full
 * access only.
 */
@RestController
@RequiresAccess(Access.FULL)
class WebhookController {

	private final WebhookEndpoints endpoints;

	private final Deliveries deliveries;

	WebhookController(WebhookEndpoints endpoints, Deliveries deliveries) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
	}

	@GetMapping(path = "/v1/webhook_endpoints", produces = "application/json")
	Page<WebhookEndpoints.EndpointJson> list(Caller caller, PageQuery page) {
		return this.endpoints.list(caller, page);
	}

	@GetMapping(path = "/v1/webhook_endpoints/events", produces = "application/json")
	Map<String, Object> eventTypes() {
		return Map.of("items", WebhookEndpoints.EVENT_TYPES);
	}

	@PostMapping(path = "/v1/webhook_endpoints", produces = "application/json")
	ResponseEntity<WebhookEndpoints.EndpointJson> create(Caller caller, JsonBody body, HttpServletRequest request) {
		WebhookEndpoints.EndpointJson endpoint = this.endpoints.create(caller, body.unwrap("webhookEndpoint"));
		Idempotency.redact(request, String.valueOf(endpoint.secret()));
		return ResponseEntity.created(URI.create("/v1/webhook_endpoints/" + endpoint.prefixId())).body(endpoint);
	}

	@GetMapping(path = "/v1/webhook_endpoints/{id}", produces = "application/json")
	WebhookEndpoints.EndpointJson get(Caller caller, @PathVariable String id) {
		return this.endpoints.get(caller, id);
	}

	@PatchMapping(path = "/v1/webhook_endpoints/{id}", produces = "application/json")
	WebhookEndpoints.EndpointJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.endpoints.update(caller, id, body.unwrap("webhookEndpoint"));
	}

	@PutMapping(path = "/v1/webhook_endpoints/{id}", produces = "application/json")
	WebhookEndpoints.EndpointJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/v1/webhook_endpoints/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.endpoints.delete(caller, id);
		return Deleted.of("webhook_endpoint", before);
	}

	@PostMapping(path = "/v1/webhook_endpoints/{id}/rotate_secret", produces = "application/json")
	WebhookEndpoints.EndpointJson rotate(Caller caller, @PathVariable String id, HttpServletRequest request) {
		WebhookEndpoints.EndpointJson endpoint = this.endpoints.rotate(caller, id);
		Idempotency.redact(request, String.valueOf(endpoint.secret()));
		return endpoint;
	}

	@PostMapping(path = "/v1/webhook_endpoints/{id}/test", produces = "application/json")
	Deliveries.TestResult test(Caller caller, @PathVariable String id,
			@RequestParam(name = "event_type", required = false) @Nullable String type) {
		String eventType = (type == null || type.isBlank()) ? "order.paid" : type;
		if (!WebhookEndpoints.EVENT_TYPES.contains(eventType)) {
			throw new InvalidParameter("event_type must be one of: " + String.join(", ", WebhookEndpoints.EVENT_TYPES));
		}
		return this.deliveries.test(caller, id, eventType);
	}

	@GetMapping(path = "/v1/webhook_events", produces = "application/json")
	Page<Deliveries.DeliveryJson> history(Caller caller, PageQuery page,
			@RequestParam(name = "endpoint_id", required = false) @Nullable String endpointId,
			@RequestParam(name = "event_id", required = false) @Nullable String eventId,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status) {
		Long endpoint = null;
		if (endpointId != null && !endpointId.isBlank()) {
			try {
				endpoint = this.endpoints.find(caller, endpointId).id();
			}
			catch (NotFound ex) {
				throw new NotFound("Webhook endpoint");
			}
		}
		return this.deliveries.list(caller, endpoint, (eventId != null && !eventId.isBlank()) ? eventId.trim() : null,
				(type != null && !type.isBlank()) ? type : null,
				QueryParams.oneOf("status", status, java.util.Set.of("pending", "succeeded", "failed"), null), page);
	}

	@GetMapping(path = "/v1/webhook_events/{id}", produces = "application/json")
	Deliveries.DeliveryJson event(Caller caller, @PathVariable String id) {
		return this.deliveries.get(caller, id);
	}

	@PostMapping(path = "/v1/webhook_events/{id}/retry", produces = "application/json")
	Deliveries.DeliveryJson retry(Caller caller, @PathVariable String id) {
		return this.deliveries.retry(caller, id);
	}

}
