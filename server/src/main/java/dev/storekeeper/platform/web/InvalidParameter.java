package dev.storekeeper.platform.web;

/** A query parameter is malformed or out of range. */
public class InvalidParameter extends RuntimeException {

	public InvalidParameter(String message) {
		super(message);
	}

}
