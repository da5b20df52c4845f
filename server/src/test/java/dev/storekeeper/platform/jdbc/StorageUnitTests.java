package dev.storekeeper.platform.jdbc;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageUnitTests {

	@Test
	void noDatabaseUrlMeansAnEmbeddedH2FileInTheDataDirectory() {
		HikariConfig config = Storage.configFor("", "/tmp/store-data");
		assertThat(config.getJdbcUrl()).startsWith("jdbc:h2:file:/tmp/store-data/storekeeper;MODE=PostgreSQL")
			.contains("AUTO_SERVER=TRUE")
			// every commit written before it returns: a killed process loses nothing
			// acknowledged
			.contains(";WRITE_DELAY=0");
	}

	@Test
	void herokuStyleUrlsBecomeJdbcUrlsWithCredentials() {
		HikariConfig config = Storage.configFor("postgres://shop:s%40cret@db.internal:6543/store?sslmode=require",
				"./data");
		assertThat(config.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/store?sslmode=require");
		assertThat(config.getUsername()).isEqualTo("shop");
		assertThat(config.getPassword()).isEqualTo("s@cret");
	}

	@Test
	void jdbcUrlsAreUsedAsGiven() {
		assertThat(Storage.configFor("jdbc:postgresql://127.0.0.1/test", "./data").getJdbcUrl())
			.isEqualTo("jdbc:postgresql://127.0.0.1/test");
		assertThat(Storage.configFor("postgresql://u@h/d", "./data").getJdbcUrl())
			.isEqualTo("jdbc:postgresql://h:5432/d");
	}

	@Test
	void otherSchemesAreRefused() {
		assertThatThrownBy(() -> Storage.configFor("mysql://u@h/d", "./data"))
			.isInstanceOf(IllegalStateException.class);
	}

}
