package dev.storekeeper.customers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.WireSchema;

/** A buyer or lead of one seller in one mode, known by their email. */
public record Customer(long id, String prefixId, long accountId, boolean livemode, String email, @Nullable String name,
		@Nullable String firstName, @Nullable String lastName, String customerType, int ordersCount, long totalSpend,
		boolean blacklisted, @Nullable String blacklistReason, List<Tag> tags, Instant createdAt, Instant updatedAt) {

	/** A tag of a customer, shared by name within the account and mode. */
	@WireSchema("Customer.tags[]")
	public record Tag(long id, String name) {
	}

	Customer withTags(List<Tag> list) {
		return new Customer(this.id, this.prefixId, this.accountId, this.livemode, this.email, this.name,
				this.firstName, this.lastName, this.customerType, this.ordersCount, this.totalSpend, this.blacklisted,
				this.blacklistReason, list, this.createdAt, this.updatedAt);
	}

}
