package dev.storekeeper.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses where the buckets live: Redis when {@code REDIS_URL} is set, else memory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimiterConfiguration {

	@Bean
	RateLimiter rateLimiter(@Value("${storekeeper.redis-url:}") String redisUrl) {
		return redisUrl.isBlank() ? new RateLimiter.InMemory() : new RateLimiter.InRedis(redisUrl);
	}

}
