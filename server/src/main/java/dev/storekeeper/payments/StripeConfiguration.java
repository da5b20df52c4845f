package dev.storekeeper.payments;

import java.time.Clock;

import com.stripe.StripeClient;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Stripe gateway, made only when {@code STRIPE_SECRET_KEY} is set: decided when the
 * server starts, not by a bean-definition condition, so that the jar's ahead-of-time
 * processed bean definitions (made once, at build time) serve every configuration.
 * {@code STRIPE_API_BASE} points the client elsewhere than {@code https://api.stripe.com}
 * (a local fake in tests).
 */
@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

	/** The Stripe gateway, if this server has a key. */
	record Stripe(@Nullable StripeGateway gateway) {
	}

	@Bean
	Stripe stripe(@Value("${storekeeper.stripe.secret-key:}") String secretKey,
			@Value("${storekeeper.stripe.publishable-key:}") String publishableKey,
			@Value("${storekeeper.stripe.api-base:}") String apiBase, Clock clock) {
		if (secretKey.isBlank()) {
			return new Stripe(null);
		}
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(secretKey.trim())
			.setMaxNetworkRetries(2)
			.setConnectTimeout(5_000)
			.setReadTimeout(30_000);
		if (!apiBase.isBlank()) {
			builder.setApiBase(apiBase.trim());
		}
		return new Stripe(
				new StripeGateway(builder.build(), publishableKey.isBlank() ? null : publishableKey.trim(), clock));
	}

}
