package dev.storekeeper.payments;

import java.time.Clock;

import com.stripe.StripeClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Stripe gateway, made only when {@code STRIPE_SECRET_KEY} is set.
 * {@code STRIPE_API_BASE} points the client elsewhere than {@code https://api.stripe.com}
 * (a local fake in tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${storekeeper.stripe.secret-key:}'.isBlank()")
class StripeConfiguration {

	@Bean
	StripeGateway stripeGateway(@Value("${storekeeper.stripe.secret-key}") String secretKey,
			@Value("${storekeeper.stripe.publishable-key:}") String publishableKey,
			@Value("${storekeeper.stripe.api-base:}") String apiBase, Clock clock) {
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(secretKey.trim())
			.setMaxNetworkRetries(2)
			.setConnectTimeout(5_000)
			.setReadTimeout(30_000);
		if (!apiBase.isBlank()) {
			builder.setApiBase(apiBase.trim());
		}
		return new StripeGateway(builder.build(), publishableKey.isBlank() ? null : publishableKey.trim(), clock);
	}

}
