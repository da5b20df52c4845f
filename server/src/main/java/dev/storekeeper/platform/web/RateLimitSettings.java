package dev.storekeeper.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's default rate limit per API token (and per client address on public pages);
 * 0 turns limiting off.
 *
 * @param perMinute requests a minute ({@code RATE_LIMIT_PER_MINUTE}, 1000)
 * @param burst the bucket's size ({@code RATE_LIMIT_BURST}, 100)
 */
@ConfigurationProperties("storekeeper.rate-limit")
public record RateLimitSettings(int perMinute, int burst) {

	public boolean enabled() {
		return this.perMinute > 0 && this.burst > 0;
	}

}
