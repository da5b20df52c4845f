package dev.storekeeper.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * A failure a capability names itself, with the answer it gets (status and error type),
 * so that the one error handler maps it without knowing the capability (a declined card
 * is the payments module's {@code 402 payment_failed}).
 */
public abstract class Refusal extends RuntimeException {

	private final int status;

	private final String type;

	protected Refusal(int status, String type, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
		this.type = type;
	}

	/** The error body and status it is answered with. */
	public ApiError error() {
		return ApiError.of(this.status, this.type, getMessage());
	}

	/**
	 * Whether the server, or a service it relies on, failed (a 5xx), rather than the
	 * request.
	 */
	public boolean serverSide() {
		return this.status >= 500;
	}

}
