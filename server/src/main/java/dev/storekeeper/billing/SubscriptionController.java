package dev.storekeeper.billing;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import dev.storekeeper.platform.web.Ref;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/subscriptions}: the caller's subscriptions, and their cancel, pause and
 * resume.
 */
@RestController
@RequestMapping(path = "/v1/subscriptions", produces = "application/json")
class SubscriptionController {

	private final Subscriptions subscriptions;

	private final Customers customers;

	private final Catalog catalog;

	SubscriptionController(Subscriptions subscriptions, Customers customers, Catalog catalog) {
		this.subscriptions = subscriptions;
		this.customers = customers;
		this.catalog = catalog;
	}

	@GetMapping
	Page<SubscriptionJson> list(Caller caller, PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "customer_id", required = false) @Nullable String customerId,
			@RequestParam(name = "price_variant_id", required = false) @Nullable String priceVariantId,
			@RequestParam(required = false) @Nullable String expand) {
		String wanted = QueryParams.oneOf("status", status, SubscriptionStatus.FILTERS, null);
		Long customer = (customerId != null && !customerId.isBlank())
				? this.customers.resolveId(caller.accountId(), caller.livemode(), Ref.parse(customerId.trim()))
					.orElse(-1L)
				: null;
		Long variant = (priceVariantId != null && !priceVariantId.isBlank())
				? this.catalog.variantForSale(caller.accountId(), caller.livemode(), Ref.parse(priceVariantId.trim()))
					.map((found) -> found.id())
					.orElse(-1L)
				: null;
		return this.subscriptions.list(caller, new SubscriptionRepository.Filter(wanted, customer, variant),
				Expand.parse(expand, BillingViews.SUBSCRIPTION_EXPANSIONS), page);
	}

	@GetMapping("/{id}")
	SubscriptionJson get(Caller caller, @PathVariable String id,
			@RequestParam(required = false) @Nullable String expand) {
		return this.subscriptions.get(caller, id, Expand.parse(expand, BillingViews.SUBSCRIPTION_EXPANSIONS));
	}

	@PostMapping("/{id}/cancel")
	SubscriptionJson cancel(Caller caller, @PathVariable String id, JsonBody body) {
		Fields fields = body.isEmpty() ? Fields.of(java.util.Map.of()) : body.unwrap("subscription");
		Boolean immediately = fields.bool("immediately");
		fields.errors().throwIfAny();
		return this.subscriptions.cancel(caller, id, Boolean.TRUE.equals(immediately));
	}

	@PostMapping("/{id}/pause")
	SubscriptionJson pause(Caller caller, @PathVariable String id) {
		return this.subscriptions.pause(caller, id);
	}

	@PostMapping("/{id}/resume")
	SubscriptionJson resume(Caller caller, @PathVariable String id) {
		return this.subscriptions.resume(caller, id);
	}

}
