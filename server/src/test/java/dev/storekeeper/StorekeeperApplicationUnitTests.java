package dev.storekeeper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorekeeperApplicationUnitTests {

	/**
	 * From a classes directory (as here) the ahead-of-time bean definitions may be an
	 * earlier build's: the server does not use them unless told to.
	 */
	@Test
	void aClassesDirectoryStartsWithoutTheAheadOfTimeBeanDefinitions() {
		String before = System.getProperty("spring.aot.enabled");
		try {
			System.clearProperty("spring.aot.enabled");
			StorekeeperApplication.aheadOfTimeWhenPackaged();
			assertThat(System.getProperty("spring.aot.enabled")).isNull();
		}
		finally {
			if (before != null) {
				System.setProperty("spring.aot.enabled", before);
			}
		}
	}

}
