package dev.storekeeper.checkout;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The checkout client API is called from custom storefronts in browsers: any origin may
 * call it.
 */
@Configuration(proxyBeanMethods = false)
class ClientCors implements WebMvcConfigurer {

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/v1/client/**")
			.allowedOriginPatterns("*")
			.allowedMethods("GET", "PATCH", "POST", "OPTIONS")
			.allowedHeaders("Content-Type", "Idempotency-Key", "X-Request-Id")
			.exposedHeaders("X-Request-Id")
			.maxAge(3600);
	}

}
