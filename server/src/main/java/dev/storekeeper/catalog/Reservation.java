package dev.storekeeper.catalog;

import java.util.List;
import java.util.Map;

/**
 * What the catalog gave a sale: the variants as they were for sale, the lines whose stock
 * could not be taken, and the variants and products as {@code GET} shows them after it.
 *
 * @param variants the variants by id, as they were before their stock was taken
 * @param shortOf the lines with too little stock left, which took none
 * @param variantJson the variants by id, as their {@code GET} shows them now
 * @param productJson their products by id, as their {@code GET} shows them now
 */
public record Reservation(Map<Long, VariantForSale> variants, List<Line> shortOf,
		Map<Long, PriceVariantJson> variantJson, Map<Long, ProductJson> productJson) {

	/** One line of the sale: {@code quantity} of a variant. */
	public record Line(long priceVariantId, int quantity) {

		/** A line of one variant, the quantity checked to be 1 or more. */
		public Line {
			if (quantity < 1) {
				throw new IllegalArgumentException("quantity must be 1 or more");
			}
		}

	}

}
