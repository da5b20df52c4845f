package dev.storekeeper;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the module boundaries honest: capabilities talk through public services and
 * events only, each to the modules its {@code package-info.java} allows
 * ({@code @ApplicationModule(allowedDependencies = ...)}), with no cycle.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(StorekeeperApplication.class).verify();
	}

}
