package dev.storekeeper.platform.web;

/**
 * The request was well-formed but breaks a rule of the resource; carries every error
 * found.
 */
public class InvalidRecord extends RuntimeException {

	private final transient Errors errors;

	public InvalidRecord(Errors errors) {
		super(errors.message());
		this.errors = errors;
	}

	public Errors errors() {
		return this.errors;
	}

}
