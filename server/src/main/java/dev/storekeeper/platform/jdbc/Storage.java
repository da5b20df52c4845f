package dev.storekeeper.platform.jdbc;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where data lives: PostgreSQL when {@code DATABASE_URL} names it (JDBC or
 * {@code postgres://} form), else an embedded H2 file database in
 * {@code STOREKEEPER_DATA_DIR}, reachable by the jar's commands while the server runs.
 */
@Configuration(proxyBeanMethods = false)
class Storage {

	/** The longest a statement may run, on either database. */
	static final int STATEMENT_TIMEOUT_MS = 30_000;

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(@Value("${storekeeper.database-url:}") String databaseUrl,
			@Value("${storekeeper.data-dir:./data}") String dataDir,
			@Value("${storekeeper.database-pool-size:20}") int poolSize) {
		HikariConfig config = configFor(databaseUrl, dataDir);
		if (config.getJdbcUrl().startsWith("jdbc:postgresql:") && !config.getJdbcUrl().contains("options=")) {
			// Short queries only: PostgreSQL's JIT would compile a plan for longer than
			// it runs (a generic plan of the order list at a million orders took 210 ms
			// to compile and 0.4 ms to run). No statement runs longer than 30 s: the
			// server enforces it (a JDBC query timeout would start a timer task in the
			// driver's one shared timer per statement, a lock every statement takes).
			config.addDataSourceProperty("options", "-c jit=off -c statement_timeout=" + STATEMENT_TIMEOUT_MS);
		}
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("storekeeper");
		return new HikariDataSource(config);
	}

	/**
	 * How this node hears of the other nodes' changes: Redis pub/sub when
	 * {@code REDIS_URL} is set, else PostgreSQL's {@code LISTEN/NOTIFY}; nothing on the
	 * embedded database, which one node has.
	 */
	@Bean
	Invalidations invalidations(@Value("${storekeeper.database-url:}") String databaseUrl,
			@Value("${storekeeper.data-dir:./data}") String dataDir,
			@Value("${storekeeper.redis-url:}") String redisUrl, MeterRegistry meters) {
		return new Invalidations(channelFor(databaseUrl, dataDir, redisUrl), meters);
	}

	static InvalidationChannel channelFor(@Nullable String databaseUrl, String dataDir, String redisUrl) {
		if (!redisUrl.isBlank()) {
			return new InvalidationChannel.Redis(redisUrl);
		}
		HikariConfig config = configFor(databaseUrl, dataDir);
		if (config.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			return new InvalidationChannel.Postgres(config.getJdbcUrl(), config.getUsername(), config.getPassword());
		}
		return new InvalidationChannel.Local();
	}

	static HikariConfig configFor(@Nullable String databaseUrl, String dataDir) {
		HikariConfig config = new HikariConfig();
		if (databaseUrl == null || databaseUrl.isBlank()) {
			config.setJdbcUrl(EmbeddedDatabase.url(Path.of(dataDir)));
			config.setUsername(EmbeddedDatabase.USER);
			config.setPassword("");
			return config;
		}
		if (databaseUrl.startsWith("jdbc:")) {
			config.setJdbcUrl(databaseUrl);
			return config;
		}
		if (databaseUrl.startsWith("postgres://") || databaseUrl.startsWith("postgresql://")) {
			URI uri = URI.create(databaseUrl);
			int port = (uri.getPort() > 0) ? uri.getPort() : 5432;
			String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
			config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
			String userInfo = uri.getRawUserInfo();
			if (userInfo != null) {
				String[] parts = userInfo.split(":", 2);
				config.setUsername(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
				if (parts.length > 1) {
					config.setPassword(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
				}
			}
			return config;
		}
		throw new IllegalStateException(
				"DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
	}

}
