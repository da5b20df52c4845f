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
