package dev.storekeeper.payments;

/**
 * Card details as the buyer typed them; never stored and never logged (only the last four
 * digits are kept).
 *
 * @param number the card number, spaces allowed
 */
public record Card(String number, int expMonth, int expYear, String cvc) {

	/** The digits of the number. */
	public String digits() {
		return this.number.replaceAll("[\\s-]", "");
	}

	/** The last four digits, which receipts show. */
	public String lastFour() {
		String digits = digits();
		return digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
	}

	@Override
	public String toString() {
		return "Card[…" + lastFour() + "]";
	}

}
