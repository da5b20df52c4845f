package dev.storekeeper.payments;

import dev.storekeeper.platform.web.Refusal;

/**
 * The payment processor could not be reached or refused the request for a reason of its
 * own: answered {@code 502 processor_error}, and nothing was written.
 */
public class ProcessorError extends Refusal {

	public ProcessorError(String message, Throwable cause) {
		super(502, "processor_error", message, cause);
	}

}
