package dev.storekeeper.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where deliveries may go: the endpoint's host is resolved at every attempt, and private,
 * loopback, link-local, CGNAT, metadata, multicast and IPv6-local addresses, and the IPv6
 * ranges that lead back to IPv4 (NAT64, 6to4, Teredo), are refused unless
 * {@code WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true} (for local development).
 */
@Component
class Targets {

	private final boolean allowPrivate;

	Targets(@Value("${storekeeper.webhooks.allow-private-networks:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/** Why a host may not be called. */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message);
		}

	}

	/**
	 * The address to connect to for {@code host}, checked; the connection is pinned to
	 * it.
	 */
	InetAddress resolve(String host) throws Refused {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new Refused("host " + host + " does not resolve");
		}
		for (InetAddress address : addresses) {
			if (!this.allowPrivate && !isPublic(address)) {
				throw new Refused("host " + host + " resolves to a private or reserved address ("
						+ address.getHostAddress() + ")");
			}
		}
		return addresses[0];
	}

	/** Whether an address is on the public internet. */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return false; // fc00::/7 unique local
			}
			if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
				return false; // 64:ff9b::/96 NAT64 (and 64:ff9b:1::/48, local NAT64): a
								// gateway to IPv4
			}
			if (b[0] == 0x20 && b[1] == 0x02) {
				return false; // 2002::/16 6to4: an IPv4 address relayed
			}
			if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
				return false; // 2001::/32 Teredo: an IPv4 address tunnelled
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= b[i] == 0;
			}
			if (mapped && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || b[10] == 0 && b[11] == 0)) {
				// IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
				try {
					return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return true;
		}
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			if (first == 0 || first == 10 || first == 127 || first >= 224) {
				return false;
			}
			if (first == 100 && second >= 64 && second <= 127) {
				return false; // CGNAT 100.64.0.0/10
			}
			if (first == 169 && second == 254) {
				return false; // link-local, cloud metadata
			}
			if (first == 172 && second >= 16 && second <= 31) {
				return false;
			}
			if (first == 192 && second == 168) {
				return false;
			}
			if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
				return false; // 192.0.0.0/24 IETF protocol assignments
			}
			if (first == 198 && (second == 18 || second == 19)) {
				return false; // benchmarking
			}
		}
		return true;
	}

}
