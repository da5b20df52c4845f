package dev.storekeeper.orders;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.payments.Card;
import dev.storekeeper.payments.Charge;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places orders the way a completed checkout does, so the orders API can be tested on its
 * own.
 */
record OrderFixtures(Http http, Seller seller, boolean livemode, OrderBook orders, Customers customers,
		Payments payments, Catalog catalog, TransactionTemplate transactions) {

	private static final AtomicLong CHECKOUTS = new AtomicLong(System.nanoTime());

	/** An active product with one variant; extra JSON fields go into the variant. */
	Response variant(String name, long amount, String extra) {
		Response product = this.http.post("/v1/products", "{\"name\":\"" + name + "\"}");
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		Response variant = this.http.post("/v1/price_variants", "{\"productId\":\"" + product.at("/prefixId")
				+ "\",\"name\":\"Standard\",\"amount\":" + amount + ",\"currency\":\"USD\"" + extra + "}");
		assertThat(variant.status()).as(variant.toString()).isEqualTo(201);
		assertThat(this.http.patch("/v1/products/" + product.at("/prefixId"), "{\"status\":\"active\"}").status())
			.isEqualTo(200);
		return variant;
	}

	/**
	 * Places a paid order of {@code quantity} × the variant for {@code email}, charged
	 * with the sandbox.
	 */
	PlacedOrder buy(Response variant, String email, int quantity, long discountAmount) {
		long accountId = this.seller.account().id();
		long unit = variant.json().get("amount").asLong();
		long variantId = variant.json().get("id").asLong();
		long subtotal = unit * quantity;
		long amount = subtotal - discountAmount;
		return this.transactions.execute((status) -> {
			assertThat(this.catalog.takeStock(variantId, quantity)).isTrue();
			long customerId = this.customers.findOrCreateByEmail(accountId, this.livemode, email, null).id();
			Long chargeId = null;
			if (amount > 0) {
				Charge charge = this.payments.charge(accountId, this.livemode, amount, "USD",
						new Card("4242424242424242", 12, 2040, "123"), "Test order");
				chargeId = charge.id();
			}
			VariantForSale sold = this.catalog.variantForSale(accountId, this.livemode, new Ref(variantId, null))
				.orElseThrow();
			return this.orders.place(new NewOrder(accountId, this.livemode, CHECKOUTS.incrementAndGet(), customerId,
					null, "USD", subtotal, discountAmount, amount, chargeId,
					List.of(new NewOrder.NewLine(sold, quantity, unit, discountAmount))));
		});
	}

}
