package dev.storekeeper.platform.web;

/** The caller's token does not have the access level the request needs. */
public class Forbidden extends RuntimeException {

	public Forbidden(String message) {
		super(message);
	}

}
