package dev.storekeeper.sellvy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.storekeeper.discounts.DiscountJson;
import dev.storekeeper.discounts.Discounts;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;

/**
 * {@code /sellvy/v1/coupons}: Storekeeper's discounts, {@code once}, with Sellvy's names
 * and money in major units.
 */
@RestController
@RequestMapping(path = "/sellvy/v1/coupons", produces = "application/json")
class SellvyCouponController {

	/** Storekeeper's field → Sellvy's, for validation errors. */
	private static final Map<String, String> FIELDS = Map.of("discountType", "type", "percentOff", "value", "amountOff",
			"value", "maxRedemptions", "max_uses", "redeemBy", "expires_at", "startsAt", "starts_at", "minimumAmount",
			"min_order_amount", "productIds", "applies_to_products", "code", "code", "currency", "currency");

	private final Discounts discounts;

	private final JsonMapper json;

	SellvyCouponController(Discounts discounts, JsonMapper json) {
		this.discounts = discounts;
		this.json = json;
	}

	@GetMapping
	Map<String, @Nullable Object> list(Caller caller, @RequestParam(required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage) {
		return Envelope.list(this.discounts.list(caller, null, SellvyRequest.page(page, perPage)).map(this::coupon));
	}

	@PostMapping
	ResponseEntity<Map<String, @Nullable Object>> create(Caller caller, HttpServletRequest request) throws IOException {
		ObjectNode body = SellvyRequest.body(request);
		return Envelope.created("coupons",
				SellvyRequest.renaming(FIELDS, () -> coupon(this.discounts.create(caller, fields(body, true, "USD")))));
	}

	@GetMapping("/{id}")
	Map<String, @Nullable Object> get(Caller caller, @PathVariable String id) {
		return Envelope.one(coupon(this.discounts.get(caller, id)));
	}

	@PatchMapping("/{id}")
	Map<String, @Nullable Object> update(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		ObjectNode body = SellvyRequest.body(request);
		DiscountJson current = this.discounts.get(caller, id);
		String currency = (current.currency() != null) ? current.currency() : "USD";
		return Envelope.one(SellvyRequest.renaming(FIELDS,
				() -> coupon(this.discounts.update(caller, id, fields(body, false, currency)))));
	}

	@PutMapping("/{id}")
	Map<String, @Nullable Object> replace(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		return update(caller, id, request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
		SellvyRequest.renaming(FIELDS, () -> {
			this.discounts.delete(caller, id);
			return null;
		});
		return ResponseEntity.noContent().build();
	}

	private Map<String, @Nullable Object> coupon(DiscountJson discount) {
		return SellvyWire.coupon(this.json.valueToTree(discount), discount.productIds());
	}

	/** A Sellvy coupon body as a discount's fields, in Storekeeper's names and units. */
	private static Fields fields(ObjectNode body, boolean creating, String defaultCurrency) {
		Errors errors = new Errors();
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		if (creating) {
			fields.put("duration", "once");
			for (String required : List.of("code", "type", "value")) {
				if (!body.hasNonNull(required)) {
					errors.add(required, "can't be blank");
				}
			}
		}
		if (body.has("code")) {
			fields.put("code", body.get("code").isString() ? body.get("code").asString() : null);
		}
		String currency = body.hasNonNull("currency")
				? body.get("currency").asString("").toUpperCase(java.util.Locale.ROOT) : defaultCurrency;
		String type = body.hasNonNull("type") ? body.get("type").asString("") : null;
		if (type != null && !type.equals("percentage") && !type.equals("fixed")) {
			errors.add("type", "is not included in the list");
		}
		if (type != null) {
			fields.put("discountType", type.equals("fixed") ? "amount_off" : "percent_off");
		}
		if (body.hasNonNull("value") && !errors.has("type")) {
			JsonNode value = body.get("value");
			if (!value.isNumber()) {
				errors.add("value", "is not a number");
			}
			else if ("fixed".equals(type)) {
				Long minor = SellvyMoney.minor(value.decimalValue(), currency, "value", errors);
				fields.put("amountOff", minor);
				fields.put("currency", currency);
			}
			else {
				BigDecimal percent = value.decimalValue();
				fields.put("percentOff", percent.toPlainString());
			}
		}
		else if (body.has("currency") && "fixed".equals(type)) {
			fields.put("currency", currency);
		}
		if (body.has("max_uses")) {
			fields.put("maxRedemptions", body.get("max_uses").isNull() ? null : body.get("max_uses").numberValue());
		}
		if (body.has("expires_at")) {
			fields.put("redeemBy", body.get("expires_at").isNull() ? null : body.get("expires_at").asString());
		}
		if (body.has("starts_at")) {
			fields.put("startsAt", body.get("starts_at").isNull() ? null : body.get("starts_at").asString());
		}
		if (body.has("min_order_amount")) {
			JsonNode minimum = body.get("min_order_amount");
			if (minimum.isNull()) {
				fields.put("minimumAmount", null);
			}
			else if (!minimum.isNumber()) {
				errors.add("min_order_amount", "is not a number");
			}
			else {
				fields.put("minimumAmount",
						SellvyMoney.minor(minimum.decimalValue(), currency, "min_order_amount", errors));
			}
		}
		if (body.has("applies_to_products")) {
			JsonNode products = body.get("applies_to_products");
			List<String> ids = new java.util.ArrayList<>();
			if (products.isArray()) {
				products.forEach((product) -> ids.add(product.asString("")));
			}
			else if (!products.isNull()) {
				errors.add("applies_to_products", "must be a list of product ids");
			}
			fields.put("productIds", ids);
		}
		errors.throwIfAny();
		return Fields.of(fields);
	}

}
