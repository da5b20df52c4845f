package dev.storekeeper.customers;

/**
 * A customer was created, by the seller or by a checkout (webhooks
 * {@code customer.created}, and {@code lead.created} for a lead).
 */
public record CustomerCreated(long accountId, boolean livemode, CustomerJson customer) {

	/** Whether the customer is a lead: someone who has not bought yet. */
	public boolean lead() {
		return this.customer.customerType().equals("lead");
	}

}
