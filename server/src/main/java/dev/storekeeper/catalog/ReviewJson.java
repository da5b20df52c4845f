package dev.storekeeper.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.WireSchema;

/** A review on the wire, as the reference's {@code Review}. */
@WireSchema("Review")
public record ReviewJson(long id, String prefixId, long productId, int rating, @Nullable String content,
		@Nullable String customerName, @Nullable Object customerImage, int position, boolean livemode,
		Instant createdAt, Instant updatedAt) {

	static ReviewJson of(Review review) {
		return new ReviewJson(review.id(), review.prefixId(), review.productId(), review.rating(), review.content(),
				review.customerName(), null, review.position(), review.livemode(), review.createdAt(),
				review.updatedAt());
	}

}
