package dev.storekeeper.platform.web;

import java.util.List;

/**
 * The routes whose address carries a secret (a checkout's client secret, an access token,
 * a checkout link's token): their paths are never written to a log or echoed whole, only
 * with the secret replaced by {@code [redacted]}.
 */
public final class SecretPaths {

	private static final List<String> PREFIXES = List.of("/checkout/", "/v1/client/checkouts/", "/access/", "/l/",
			"/receipts/");

	private SecretPaths() {
	}

	/** {@code path} with the secret segment of a secret-bearing route redacted. */
	public static String redacted(String path) {
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				int end = path.indexOf('/', prefix.length());
				return prefix + "[redacted]" + ((end >= 0) ? path.substring(end) : "");
			}
		}
		return path;
	}

}
