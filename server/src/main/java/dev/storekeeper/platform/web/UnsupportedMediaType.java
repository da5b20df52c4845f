package dev.storekeeper.platform.web;

/** The request carries a body that is not JSON. */
public class UnsupportedMediaType extends RuntimeException {

	public UnsupportedMediaType(String message) {
		super(message);
	}

}
