package dev.storekeeper.platform.web;

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
 * Wires the platform's filters, as one servlet filter, in order: request timing, request
 * id, security headers, draining, body limit, metrics access, authentication, rate limit,
 * idempotency.
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

	/**
	 * Properties read by generated accessors rather than reflection: JSON writing is most
	 * of a checkout's CPU (bench/RESULTS.md, round two).
	 */
	@Bean
	static tools.jackson.databind.JacksonModule blackbird() {
		return new tools.jackson.module.blackbird.BlackbirdModule();
	}

	/** Timestamps written without {@code DateTimeFormatter} (see the class). */
	@Bean
	static tools.jackson.databind.JacksonModule instants() {
		return new tools.jackson.databind.module.SimpleModule("storekeeper-instants")
			.addSerializer(java.time.Instant.class, new InstantJson());
	}

	/**
	 * Spring MVC's handler mapping, with its mappings indexed by path (see the class).
	 */
	@Bean
	static org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations indexedHandlerMapping() {
		return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
			@Override
			public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new IndexedHandlerMapping();
			}

			@Override
			public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter() {
					@Override
					public void afterPropertiesSet() {
						super.afterPropertiesSet();
						List<HandlerMethodArgumentResolver> resolvers = new java.util.ArrayList<>();
						resolvers.add(new StringPathVariables());
						resolvers.addAll(java.util.Objects.requireNonNull(getArgumentResolvers()));
						setArgumentResolvers(resolvers);
					}
				};
			}
		};
	}

	/**
	 * The actuator's few routes ({@code /health}, {@code /metrics}) are looked up after
	 * the API's: its handler mapping comes first by default, and looking every API
	 * request up in it first, to find nothing, was 4 % of a product read's CPU. The API's
	 * mapping answers "not mine" for these paths at once: it has no route they can reach.
	 */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor actuatorRoutesAfterTheApis() {
		return new org.springframework.beans.factory.config.BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping mapping) {
					mapping.setOrder(1);
				}
				return bean;
			}
		};
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

	/**
	 * The platform's filters, in order, as one servlet filter ({@link PlatformFilters}):
	 * each runs where its {@code shouldNotFilter} lets it, as when each was a filter of
	 * its own.
	 */
	@Bean
	FilterRegistrationBean<PlatformFilters> platformFilters(Draining draining,
			io.micrometer.core.instrument.MeterRegistry meters, ObjectProvider<BodyLimit.LargeBody> largeBodies,
			Authenticator authenticator, RateLimiter limiter, RateLimitSettings settings,
			@Value("${storekeeper.trusted-proxies:}") String trustedProxies,
			@Value("${storekeeper.metrics-token:}") String metricsToken, IdempotencyKeys keys) {
		WireDialect dialect = new WireDialect();
		RequestTimings timings = new RequestTimings(meters);
		RequestIds ids = new RequestIds();
		SecurityHeaders headers = new SecurityHeaders();
		BodyLimit bodyLimit = new BodyLimit(largeBodies.orderedStream().toList());
		MetricsAccess metricsAccess = new MetricsAccess(metricsToken);
		ApiAuthentication authentication = new ApiAuthentication(authenticator);
		RateLimiting rateLimiting = new RateLimiting(limiter, settings, TrustedProxies.parse(trustedProxies));
		Idempotency idempotency = new Idempotency(keys);
		PlatformFilters filters = new PlatformFilters(List.of((request, response, next) -> {
			if (dialect.shouldNotFilter(request)) {
				next.doFilter(request, response);
			}
			else {
				dialect.doFilterInternal(request, response, next);
			}
		}, timings::doFilterInternal, ids::doFilterInternal, headers::doFilterInternal, draining::doFilterInternal,
				bodyLimit::doFilterInternal, (request, response, next) -> {
					if (metricsAccess.shouldNotFilter(request)) {
						next.doFilter(request, response);
					}
					else {
						metricsAccess.doFilterInternal(request, response, next);
					}
				}, (request, response, next) -> {
					if (authentication.shouldNotFilter(request)) {
						next.doFilter(request, response);
					}
					else {
						authentication.doFilterInternal(request, response, next);
					}
				}, rateLimiting::doFilterInternal, (request, response, next) -> {
					if (idempotency.shouldNotFilter(request)) {
						next.doFilter(request, response);
					}
					else {
						idempotency.doFilterInternal(request, response, next);
					}
				}));
		return filter(filters, Ordered.HIGHEST_PRECEDENCE + 5);
	}

	private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> filter(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		return registration;
	}

}
