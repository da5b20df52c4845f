package dev.storekeeper.webhooks;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.outbox.Outbox;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the fan-out and the deliverer on every node, every
 * {@code storekeeper.webhooks.poll-interval}, and at once on the node where a transaction
 * that recorded events commits or where an endpoint that had its most sends in flight
 * finishes one; one round at a time per node.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebhookPoller implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookPoller.class);

	private final Deliveries deliveries;

	private final Clock clock;

	private final boolean enabled;

	private final ReentrantLock round = new ReentrantLock();

	private final AtomicBoolean woken = new AtomicBoolean();

	private final ExecutorService waker = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

	WebhookPoller(Deliveries deliveries, Clock clock,
			@Value("${storekeeper.webhooks.poller-enabled:true}") boolean enabled) {
		this.deliveries = deliveries;
		this.clock = clock;
		this.enabled = enabled;
		deliveries.onRoom(this::wake);
	}

	@EventListener
	void onCommitted(Outbox.Committed committed) {
		wake();
	}

	/**
	 * Starts a round now (or right after the one under way), once however often called.
	 */
	void wake() {
		if (this.enabled && this.woken.compareAndSet(false, true)) {
			this.waker.execute(() -> {
				this.woken.set(false);
				poll();
			});
		}
	}

	@Scheduled(fixedDelayString = "${storekeeper.webhooks.poll-interval:250ms}", initialDelayString = "2s")
	void poll() {
		if (!this.enabled) {
			return;
		}
		this.round.lock();
		try {
			this.deliveries.fanOut();
			this.deliveries.dispatchDue(Times.now(this.clock));
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery round failed: {}", ex.getMessage());
		}
		finally {
			this.round.unlock();
		}
	}

	@Override
	public void destroy() {
		this.waker.shutdownNow();
	}

}
