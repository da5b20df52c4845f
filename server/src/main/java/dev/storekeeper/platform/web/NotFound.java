package dev.storekeeper.platform.web;

/** No such resource for the caller's account and mode. */
public class NotFound extends RuntimeException {

	public NotFound(String resource) {
		super(resource + " not found");
	}

}
