package dev.storekeeper.sellvy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.storekeeper.catalog.Category;

import static dev.storekeeper.sellvy.SellvyRequest.map;

/**
 * The objects of the Sellvy dialect, rendered from Storekeeper's own wire objects (as
 * {@code /v1} shows them): the one translation both the API and the webhooks use.
 */
public final class SellvyWire {

	private SellvyWire() {
	}

	/** ISO 8601 UTC in whole seconds ({@code 2026-03-20T15:30:00Z}). */
	static @Nullable String time(@Nullable Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

	public static @Nullable String time(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : time(Instant.parse(node.asString()));
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/**
	 * A product.
	 * @param product the product as {@code GET /v1/products/{id}} shows it
	 * @param category its category, or null
	 * @param totalSold units sold on paid orders
	 */
	public static Map<String, @Nullable Object> product(JsonNode product, @Nullable Category category, long totalSold) {
		JsonNode variants = product.path("priceVariants");
		JsonNode first = variants.isArray() && !variants.isEmpty() ? variants.get(0) : null;
		List<Object> variantList = new ArrayList<>();
		Long stock = 0L;
		for (JsonNode variant : variants) {
			variantList.add(map("id", variant.path("prefixId").asString(), "title", variant.path("name").asString(),
					"price", SellvyMoney.major(variant.path("amount").asLong(), variant.path("currency").asString()),
					"currency", variant.path("currency").asString(), "stock", quantity(variant), "is_default",
					variant == first, "billing_type", variant.path("billingType").asString(), "recurring_interval",
					text(variant.path("recurringInterval"))));
			Long quantity = quantity(variant);
			stock = (stock == null || quantity == null) ? null : stock + quantity;
		}
		List<String> images = new ArrayList<>();
		for (JsonNode item : product.path("mediaItems")) {
			if ("url".equals(item.path("sourceType").asString()) && text(item.path("url")) != null) {
				images.add(item.path("url").asString());
			}
		}
		String categoryId = text(product.path("categoryId"));
		return map("id", product.path("prefixId").asString(), "title", product.path("name").asString(), "type",
				product.path("productType").asString("digital_download"), "price",
				(first != null) ? SellvyMoney.major(first.path("amount").asLong(), first.path("currency").asString())
						: null,
				"currency", (first != null) ? first.path("currency").asString() : null, "description",
				text(product.path("description")), "category_id", categoryId, "category",
				(category != null) ? map("id", category.prefixId(), "name", category.name()) : null, "is_visible",
				"active".equals(product.path("status").asString()), "images", images, "file_url", null, "stock",
				(first != null) ? stock : null, "total_sold", totalSold, "variants", variantList, "url",
				product.path("url").asString(), "livemode", product.path("livemode").asBoolean(), "created_at",
				time(product.path("createdAt")), "updated_at", time(product.path("updatedAt")));
	}

	private static @Nullable Long quantity(JsonNode variant) {
		JsonNode quantity = variant.path("quantityAvailable");
		return (quantity.isMissingNode() || quantity.isNull()) ? null : quantity.asLong();
	}

	/** A percentage without trailing zeros ({@code 20}, {@code 12.5}). */
	private static java.math.BigDecimal plain(java.math.BigDecimal value) {
		java.math.BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/** A category. */
	public static Map<String, @Nullable Object> category(Category category) {
		return map("id", category.prefixId(), "name", category.name(), "description", category.description(),
				"products_count", category.productsCount(), "livemode", category.livemode(), "created_at",
				time(category.createdAt()), "updated_at", time(category.updatedAt()));
	}

	/** Sellvy's {@code status} of a Storekeeper order status. */
	static String orderStatus(String status) {
		return switch (status) {
			case "succeeded", "partially_refunded", "disputed" -> "completed";
			case "refunded" -> "refunded";
			case "failed" -> "cancelled";
			default -> "pending";
		};
	}

	/** Sellvy's {@code payment_status} of a Storekeeper order status. */
	static String paymentStatus(String status) {
		return switch (status) {
			case "succeeded", "partially_refunded", "disputed" -> "paid";
			case "refunded" -> "refunded";
			case "failed" -> "failed";
			default -> "pending";
		};
	}

	/**
	 * An order, from the order as {@code GET /v1/orders/{id}} shows it with its
	 * {@code line_items}, {@code customer}, {@code discount}, {@code refunds} and
	 * {@code charge} expanded (what is not expanded is left empty).
	 */
	public static Map<String, @Nullable Object> order(JsonNode order) {
		String currency = order.path("currency").asString();
		List<Object> items = new ArrayList<>();
		Map<String, @Nullable Object> product = null;
		for (JsonNode line : order.path("lineItems")) {
			JsonNode lineProduct = line.path("product");
			if (product == null) {
				product = map("id", text(lineProduct.path("prefixId")), "title", text(lineProduct.path("name")));
			}
			items.add(map("product_id", text(lineProduct.path("prefixId")), "variant_id",
					text(line.path("priceVariant").path("prefixId")), "title", text(lineProduct.path("name")),
					"quantity", line.path("quantity").asInt(), "unit_price",
					SellvyMoney.major(line.path("unitAmount").asLong(), currency), "discount",
					SellvyMoney.major(line.path("discountAmount").asLong(), currency), "total",
					SellvyMoney.major(line.path("total").asLong(), currency)));
		}
		List<Object> refunds = new ArrayList<>();
		for (JsonNode refund : order.path("refunds")) {
			String reason = text(refund.path("notes"));
			refunds.add(map("id", refund.path("prefixId").asString(), "amount",
					SellvyMoney.major(refund.path("amount").asLong(), currency), "reason",
					(reason != null) ? reason : text(refund.path("reason")), "created_at",
					time(refund.path("createdAt"))));
		}
		JsonNode charge = order.path("charge");
		Map<String, @Nullable Object> payment = (charge.isObject()) ? map("id", text(charge.path("id")), "status",
				text(charge.path("status")), "receipt_url", text(charge.path("receiptUrl"))) : null;
		String status = order.path("status").asString();
		JsonNode customer = order.path("customer");
		long id = order.path("id").asLong();
		return map("id", order.path("prefixId").asString(), "order_number", "ORD-" + id, "status", orderStatus(status),
				"payment_status", paymentStatus(status), "customer_id", text(customer.path("prefixId")),
				"customer_email", text(customer.path("email")), "product", product, "items", items, "subtotal",
				SellvyMoney.major(order.path("subtotal").asLong(), currency), "discount",
				SellvyMoney.major(order.path("discountAmount").asLong(), currency), "total",
				SellvyMoney.major(order.path("amount").asLong(), currency), "currency", currency, "coupon_code",
				text(order.path("discount").path("code")), "refunded_amount",
				SellvyMoney.major(order.path("amountRefunded").asLong(), currency), "refunds", refunds,
				"payment_method", paymentMethod(order, charge), "payment", payment, "delivery_status",
				deliveryStatus(status), "fraud_score", null, "disputed", order.path("disputed").asBoolean(), "livemode",
				order.path("livemode").asBoolean(), "created_at", time(order.path("createdAt")), "updated_at",
				time(order.path("updatedAt")));
	}

	private static String paymentMethod(JsonNode order, JsonNode charge) {
		if (order.path("isFree").asBoolean()) {
			return "free";
		}
		String receipt = charge.isObject() ? String.valueOf(text(charge.path("receiptUrl"))) : "";
		return receipt.contains("stripe.com") ? "stripe" : "sandbox";
	}

	private static String deliveryStatus(String status) {
		return switch (status) {
			case "succeeded", "partially_refunded", "disputed" -> "delivered";
			case "refunded" -> "revoked";
			default -> "pending";
		};
	}

	/**
	 * A customer.
	 * @param currency the currency of the customer's latest order, or null
	 */
	public static Map<String, @Nullable Object> customer(JsonNode customer, @Nullable String currency) {
		return map("id", customer.path("prefixId").asString(), "email", customer.path("email").asString(), "name",
				text(customer.path("name")), "first_name", text(customer.path("firstName")), "last_name",
				text(customer.path("lastName")), "total_orders", customer.path("ordersCount").asInt(), "lifetime_spend",
				SellvyMoney.major(customer.path("totalSpend").asLong(), currency), "currency", currency, "blacklisted",
				customer.path("blacklisted").asBoolean(), "blacklist_reason", text(customer.path("blacklistReason")),
				"livemode", customer.path("livemode").asBoolean(), "created_at", time(customer.path("createdAt")),
				"updated_at", time(customer.path("updatedAt")));
	}

	/**
	 * A coupon, from the discount as {@code GET /v1/discounts/{id}} shows it.
	 * @param productIds the prefixIds of the products it is restricted to
	 */
	public static Map<String, @Nullable Object> coupon(JsonNode discount, List<String> productIds) {
		boolean percent = "percent_off".equals(discount.path("discountType").asString());
		String currency = text(discount.path("currency"));
		String status = discount.path("status").asString();
		JsonNode minimum = discount.path("minimumAmount");
		return map("id", discount.path("prefixId").asString(), "code", discount.path("code").asString(), "type",
				percent ? "percentage" : "fixed", "value",
				percent ? plain(discount.path("percentOff").decimalValue())
						: SellvyMoney.major(discount.path("amountOff").asLong(), currency),
				"currency", currency, "max_uses",
				discount.path("maxRedemptions").isNull() || discount.path("maxRedemptions").isMissingNode() ? null
						: discount.path("maxRedemptions").asInt(),
				"uses", discount.path("timesRedeemed").asInt(), "expires_at", time(discount.path("redeemBy")),
				"starts_at", time(discount.path("startsAt")), "min_order_amount",
				(minimum.isNull() || minimum.isMissingNode()) ? null
						: SellvyMoney.major(minimum.asLong(), (currency != null) ? currency : "USD"),
				"applies_to_products", productIds, "status", switch (status) {
					case "expired", "scheduled" -> status;
					default -> "active";
				}, "livemode", discount.path("livemode").asBoolean(), "created_at", time(discount.path("createdAt")),
				"updated_at", time(discount.path("updatedAt")));
	}

}
