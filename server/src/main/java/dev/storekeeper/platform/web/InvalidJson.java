package dev.storekeeper.platform.web;

/** The request body is not valid JSON, or not a JSON object. */
public class InvalidJson extends RuntimeException {

	public InvalidJson(String message) {
		super(message);
	}

}
