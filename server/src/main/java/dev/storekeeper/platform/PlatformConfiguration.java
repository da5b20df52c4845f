package dev.storekeeper.platform;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the platform's filters, in order: request timing, request id, security headers,
 * body limit, metrics access, authentication, rate limit, idempotency.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

	private final JsonMapper json;

	PlatformConfiguration(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The reference's nullability rule for every wire record (see {@link WireSchema}).
	 */
	@Bean
	static tools.jackson.databind.JacksonModule referenceNullability() {
		return ReferenceNullability.module();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ArgumentResolvers(this.json));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AccessCheck());
		registry.addInterceptor(new JsonOnly());
		registry.addInterceptor(new NulInQuery());
	}

	@Bean
	Draining draining() {
		return new Draining();
	}

	@Bean
	FilterRegistrationBean<Draining> drainingFilter(Draining draining) {
		return filter(draining, Ordered.HIGHEST_PRECEDENCE + 15);
	}

	@Bean
	FilterRegistrationBean<RequestTimings> requestTimings(io.micrometer.core.instrument.MeterRegistry meters) {
		return filter(new RequestTimings(meters), Ordered.HIGHEST_PRECEDENCE + 5);
	}

	@Bean
	FilterRegistrationBean<RequestIds> requestIds() {
		return filter(new RequestIds(), Ordered.HIGHEST_PRECEDENCE + 10);
	}

	@Bean
	FilterRegistrationBean<BodyLimit> bodyLimit(ObjectProvider<BodyLimit.LargeBody> largeBodies) {
		return filter(new BodyLimit(largeBodies.orderedStream().toList()), Ordered.HIGHEST_PRECEDENCE + 20);
	}

	@Bean
	FilterRegistrationBean<ApiAuthentication> apiAuthentication(Authenticator authenticator) {
		return filter(new ApiAuthentication(authenticator), Ordered.HIGHEST_PRECEDENCE + 30);
	}

	@Bean
	FilterRegistrationBean<RateLimiting> rateLimiting(RateLimiter limiter, RateLimitSettings settings,
			@Value("${storekeeper.trusted-proxies:}") String trustedProxies) {
		return filter(new RateLimiting(limiter, settings, TrustedProxies.parse(trustedProxies)),
				Ordered.HIGHEST_PRECEDENCE + 40);
	}

	@Bean
	FilterRegistrationBean<SecurityHeaders> securityHeaders() {
		return filter(new SecurityHeaders(), Ordered.HIGHEST_PRECEDENCE + 12);
	}

	@Bean
	FilterRegistrationBean<MetricsAccess> metricsAccess(@Value("${storekeeper.metrics-token:}") String token) {
		return filter(new MetricsAccess(token), Ordered.HIGHEST_PRECEDENCE + 25);
	}

	@Bean
	FilterRegistrationBean<Idempotency> idempotency(IdempotencyKeys keys) {
		return filter(new Idempotency(keys), Ordered.HIGHEST_PRECEDENCE + 50);
	}

	private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> filter(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		return registration;
	}

}
