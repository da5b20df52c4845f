package dev.storekeeper.checkout;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.discounts.DiscountJson;
import dev.storekeeper.platform.web.WireSchema;

/** A checkout link on the wire, as the reference's {@code CheckoutLink}. */
@WireSchema("CheckoutLink")
public record CheckoutLinkJson(long id, String prefixId, @Nullable String name, String url, @Nullable String successUrl,
		boolean allowDiscountCodes, @Nullable DiscountJson discount, List<PriceVariantJson> priceVariants,
		List<ProductJson> products, QrCode qrCode, boolean livemode, Instant createdAt, Instant updatedAt) {

	/** The QR code of the link's address: a PNG served by Storekeeper at {@code src}. */
	@WireSchema("FileAttachment")
	public record QrCode(String filename, String contentType, String src) {
	}

}
