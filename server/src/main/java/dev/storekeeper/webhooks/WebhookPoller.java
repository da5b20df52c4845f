package dev.storekeeper.webhooks;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the fan-out and the deliverer on every node, every
 * {@code storekeeper.webhooks.poll-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebhookPoller {

	private static final Logger log = LoggerFactory.getLogger(WebhookPoller.class);

	private final Deliveries deliveries;

	private final Clock clock;

	private final boolean enabled;

	WebhookPoller(Deliveries deliveries, Clock clock,
			@Value("${storekeeper.webhooks.poller-enabled:true}") boolean enabled) {
		this.deliveries = deliveries;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${storekeeper.webhooks.poll-interval:250ms}", initialDelayString = "2s")
	void poll() {
		if (!this.enabled) {
			return;
		}
		try {
			this.deliveries.fanOut();
			this.deliveries.deliverDue(Times.now(this.clock));
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery round failed: {}", ex.getMessage());
		}
	}

}
