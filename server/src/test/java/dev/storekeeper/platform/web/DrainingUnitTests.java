package dev.storekeeper.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DrainingUnitTests {

	@Test
	void requestsPassUntilShutdownThenGet503WithRetryAfter() throws Exception {
		Draining draining = new Draining();
		MockHttpServletResponse before = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		draining.doFilter(new MockHttpServletRequest("GET", "/v1/account"), before, chain);
		assertThat(chain.getRequest()).isNotNull();

		draining.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
		MockHttpServletResponse after = new MockHttpServletResponse();
		MockFilterChain unused = new MockFilterChain();
		draining.doFilter(new MockHttpServletRequest("GET", "/v1/account"), after, unused);
		assertThat(unused.getRequest()).isNull();
		assertThat(after.getStatus()).isEqualTo(503);
		assertThat(after.getHeader("Retry-After")).isEqualTo("5");
		assertThat(after.getContentAsString()).contains("service_unavailable");
	}

}
