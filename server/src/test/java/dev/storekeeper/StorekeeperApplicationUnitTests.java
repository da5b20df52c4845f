package dev.storekeeper;

import java.util.Map;

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

	@Test
	void theEmbeddedDatabaseIsTheOneWhenNoOtherIsNamed() {
		assertThat(StorekeeperApplication.embeddedDatabase(new String[0], Map.of())).isTrue();
		assertThat(StorekeeperApplication.embeddedDatabase(new String[0], Map.of("DATABASE_URL", " "))).isTrue();
		assertThat(StorekeeperApplication.embeddedDatabase(new String[0],
				Map.of("DATABASE_URL", "jdbc:h2:file:/tmp/x;MODE=PostgreSQL")))
			.isTrue();
		assertThat(StorekeeperApplication.embeddedDatabase(new String[0],
				Map.of("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")))
			.isFalse();
		assertThat(StorekeeperApplication
			.embeddedDatabase(new String[] { "--storekeeper.database-url=postgresql://db/shop" }, Map.of())).isFalse();
		assertThat(StorekeeperApplication.embeddedDatabase(new String[] { "--storekeeper.database-url=" },
				Map.of("DATABASE_URL", "postgres://db/shop")))
			.isTrue();
	}

	@Test
	void anExplicitNumberOfCarriersIsKept() {
		String before = System.getProperty(StorekeeperApplication.CARRIERS);
		try {
			System.setProperty(StorekeeperApplication.CARRIERS, "3");
			StorekeeperApplication.carriersForTheEmbeddedDatabase(new String[0], Map.of());
			assertThat(System.getProperty(StorekeeperApplication.CARRIERS)).isEqualTo("3");
			System.clearProperty(StorekeeperApplication.CARRIERS);
			StorekeeperApplication.carriersForTheEmbeddedDatabase(new String[0],
					Map.of("DATABASE_URL", "postgres://db/shop"));
			assertThat(System.getProperty(StorekeeperApplication.CARRIERS)).isNull();
			StorekeeperApplication.carriersForTheEmbeddedDatabase(new String[0], Map.of());
			assertThat(System.getProperty(StorekeeperApplication.CARRIERS))
				.isEqualTo(String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
		}
		finally {
			if (before != null) {
				System.setProperty(StorekeeperApplication.CARRIERS, before);
			}
			else {
				System.clearProperty(StorekeeperApplication.CARRIERS);
			}
		}
	}

}
