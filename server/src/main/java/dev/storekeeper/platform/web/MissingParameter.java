package dev.storekeeper.platform.web;

/** A required parameter, or the body's wrapper, is missing. */
public class MissingParameter extends RuntimeException {

	public MissingParameter(String parameter) {
		super("param is missing or the value is empty: " + parameter);
	}

}
