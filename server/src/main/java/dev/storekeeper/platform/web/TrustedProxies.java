package dev.storekeeper.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}:
 * addresses and CIDR ranges, comma-separated). A request from anyone else is the client
 * itself, whatever it claims; from a trusted proxy, the client is the last address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy.
 */
public final class TrustedProxies {

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	/** No proxy trusted: the client is always the connection's peer. */
	public static TrustedProxies none() {
		return new TrustedProxies(List.of());
	}

	/**
	 * The proxies of a setting such as {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}.
	 * @throws IllegalArgumentException naming an entry that is not an address or range
	 */
	public static TrustedProxies parse(@Nullable String setting) {
		List<Range> ranges = new ArrayList<>();
		if (setting != null) {
			for (String entry : setting.split("[,\\s]+")) {
				if (!entry.isBlank()) {
					ranges.add(Range.parse(entry.trim()));
				}
			}
		}
		return new TrustedProxies(List.copyOf(ranges));
	}

	/** The address of the client that sent {@code request}, as the limiter keys it. */
	public String clientAddress(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (this.ranges.isEmpty() || !trusted(peer)) {
			return peer;
		}
		List<String> hops = new ArrayList<>();
		java.util.Enumeration<String> headers = request.getHeaders("X-Forwarded-For");
		while (headers != null && headers.hasMoreElements()) {
			for (String hop : headers.nextElement().split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.trim());
				}
			}
		}
		String client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (literal(hop) == null) {
				// not an address: whoever wrote it is not to be believed further
				break;
			}
			client = hop;
			if (!trusted(hop)) {
				break;
			}
		}
		return client;
	}

	boolean trusted(String address) {
		byte[] bytes = literal(address);
		if (bytes == null) {
			return false;
		}
		for (Range range : this.ranges) {
			if (range.contains(bytes)) {
				return true;
			}
		}
		return false;
	}

	/** The bytes of an IP literal, or null; never a DNS lookup. */
	static byte @Nullable [] literal(String text) {
		String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		if (address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(byte[] network, int bits) {

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			byte[] network = literal((slash >= 0) ? entry.substring(0, slash) : entry);
			if (network == null) {
				throw new IllegalArgumentException("TRUSTED_PROXIES: " + entry + " is not an IP address or CIDR range");
			}
			int bits = network.length * 8;
			if (slash >= 0) {
				try {
					bits = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					bits = -1;
				}
				if (bits < 0 || bits > network.length * 8) {
					throw new IllegalArgumentException("TRUSTED_PROXIES: " + entry + " has an invalid prefix length");
				}
			}
			return new Range(network, bits);
		}

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((address[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
