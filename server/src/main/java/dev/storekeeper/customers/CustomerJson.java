package dev.storekeeper.customers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.WireSchema;

/** A customer on the wire, as the reference's {@code Customer}. */
@WireSchema("Customer")
public record CustomerJson(long id, String prefixId, String email, @Nullable String name, @Nullable String firstName,
		@Nullable String lastName, String customerType, int ordersCount, long totalSpend, List<Customer.Tag> tags,
		boolean blacklisted, @Nullable String blacklistReason, boolean livemode, Instant createdAt, Instant updatedAt) {

	static CustomerJson of(Customer customer) {
		return new CustomerJson(customer.id(), customer.prefixId(), customer.email(), customer.name(),
				customer.firstName(), customer.lastName(), customer.customerType(), customer.ordersCount(),
				customer.totalSpend(), customer.tags(), customer.blacklisted(), customer.blacklistReason(),
				customer.livemode(), customer.createdAt(), customer.updatedAt());
	}

}
