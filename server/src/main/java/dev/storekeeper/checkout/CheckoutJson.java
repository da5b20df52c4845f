package dev.storekeeper.checkout;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.discounts.DiscountJson;
import dev.storekeeper.platform.web.WireSchema;

/**
 * A checkout on the wire, as the reference's {@code Checkout} with the extensions of the
 * contract.
 */
@WireSchema("Checkout")
public record CheckoutJson(long id, String prefixId, String status, String mode, String currency, long subtotal,
		long discountAmount, long total, boolean isFree, @Nullable String processorId, String clientSecret,
		@Nullable String prefilledEmail, @Nullable String url, @Nullable String returnUrl, @Nullable String cancelUrl,
		@Nullable DiscountJson discount, @Nullable String order, Instant expiresAt, @Nullable Instant completedAt,
		boolean livemode, List<ItemJson> checkoutItems, AccountJson sellerAccount, Instant createdAt,
		Instant updatedAt) {

	/** One item: the variant and product as their {@code GET} shows them. */
	@WireSchema("CheckoutItem")
	public record ItemJson(long id, String prefixId, int quantity, long unitAmount, @Nullable Long customAmount,
			long discountAmount, @Nullable PriceVariantJson priceVariant, @Nullable ProductJson product) {
	}

}
