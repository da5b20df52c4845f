package dev.storekeeper.platform.web;

/** The resource is in a state that does not allow the request right now. */
public class StateConflict extends RuntimeException {

	public StateConflict(String message) {
		super(message);
	}

}
