package dev.storekeeper.webhooks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetsUnitTests {

	private final Targets strict = new Targets(false);

	@Test
	void privateLoopbackLinkLocalCgnatMetadataAndIpv6LocalAreRefused() {
		for (String host : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
				"169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1",
				"::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "localhost")) {
			assertThatThrownBy(() -> this.strict.resolve(host)).as(host).isInstanceOf(Targets.Refused.class);
		}
	}

	@Test
	void ipv6RangesThatLeadBackToIpv4AreRefused() throws Exception {
		// NAT64 (well-known and local-use), 6to4, Teredo, IPv4-compatible: each can reach
		// an internal IPv4 address through a gateway or relay
		for (String host : List.of("64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::5db8:d822", "64:ff9b:1::a00:1",
				"2002:7f00:1::1", "2002:a9fe:a9fe::1", "2002:5db8:d822::1", "2001:0:4136:e378::1", "::7f00:1",
				"::a9fe:a9fe")) {
			assertThatThrownBy(() -> this.strict.resolve(host)).as(host).isInstanceOf(Targets.Refused.class);
		}
		assertThat(Targets.isPublic(java.net.InetAddress.getByName("2001:db8::1"))).isTrue();
		assertThat(Targets.isPublic(java.net.InetAddress.getByName("2003::1"))).isTrue();
	}

	@Test
	void publicAddressesAreAllowed() throws Exception {
		assertThat(this.strict.resolve("93.184.216.34").getHostAddress()).isEqualTo("93.184.216.34");
		assertThat(this.strict.resolve("2606:4700::1111")).isNotNull();
		assertThat(this.strict.resolve("100.128.0.1")).isNotNull();
		assertThat(this.strict.resolve("172.32.0.1")).isNotNull();
	}

	@Test
	void theDevelopmentSettingAllowsPrivateTargets() throws Exception {
		assertThat(new Targets(true).resolve("127.0.0.1").isLoopbackAddress()).isTrue();
	}

	@Test
	void hostsThatDoNotResolveAreRefused() {
		assertThatThrownBy(() -> this.strict.resolve("no-such-host.invalid")).isInstanceOf(Targets.Refused.class);
	}

}
