package dev.storekeeper.payments;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentsIntegrationTests extends ApiTest {

	@Autowired
	Payments payments;

	@Autowired
	TransactionTemplate transactions;

	private static final Card GOOD = new Card("4242424242424242", 12, 2040, "123");

	@Test
	void aTestModeChargeIsRecordedWithAReceipt() {
		Seller seller = this.sellers.create();
		Charge charge = this.transactions
			.execute((status) -> this.payments.charge(seller.account().id(), false, 2500, "USD", GOOD, "Course"));
		assertThat(charge.prefixId()).startsWith("ch_");
		assertThat(charge.gateway()).isEqualTo("sandbox");
		assertThat(charge.status()).isEqualTo("succeeded");
		assertThat(charge.receiptUrl()).endsWith("/receipts/" + charge.prefixId());

		Response receipt = this.http.get("/receipts/" + charge.prefixId());
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.body()).contains("USD 25.00").contains("4242").contains("Test mode");
		assertThat(this.http.get("/receipts/ch_nope").status()).isEqualTo(404);
	}

	@Test
	void aDeclineRecordsNothing() {
		Seller seller = this.sellers.create();
		assertThatThrownBy(() -> this.transactions.execute((status) -> this.payments.charge(seller.account().id(),
				false, 2500, "USD", new Card("4000000000000002", 12, 2040, "123"), "Course")))
			.isInstanceOf(PaymentFailed.class);
	}

	@Test
	void refundsNeverExceedTheCharge() {
		Seller seller = this.sellers.create();
		Charge charge = this.transactions
			.execute((status) -> this.payments.charge(seller.account().id(), false, 1000, "EUR", GOOD, "x"));
		this.transactions.execute((status) -> this.payments.refund(charge.id(), 400));
		assertThat(this.payments.find(charge.id()).orElseThrow().status()).isEqualTo("partially_refunded");
		assertThatThrownBy(() -> this.transactions.execute((status) -> this.payments.refund(charge.id(), 601)))
			.isInstanceOf(InvalidRecord.class);
		this.transactions.execute((status) -> this.payments.refund(charge.id(), 600));
		Charge refunded = this.payments.find(charge.id()).orElseThrow();
		assertThat(refunded.status()).isEqualTo("refunded");
		assertThat(refunded.refundable()).isZero();
	}

	@Test
	void liveModeWithoutALiveGatewayRefusesToCharge() {
		Seller seller = this.sellers.create();
		assertThat(this.payments.acceptsPayments(false)).isTrue();
		assertThat(this.payments.acceptsPayments(true)).isFalse();
		assertThatThrownBy(() -> this.transactions
			.execute((status) -> this.payments.charge(seller.account().id(), true, 1000, "USD", GOOD, "x")))
			.isInstanceOf(InvalidRecord.class)
			.hasMessageContaining("Live payments are not configured");
	}

}
