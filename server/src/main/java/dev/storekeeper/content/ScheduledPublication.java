package dev.storekeeper.content;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.platform.Times;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled blog posts when due, every few seconds on every node; the update is
 * conditional, so nodes never publish a post twice.
 */
@Component
class ScheduledPublication {

	private static final Logger log = LoggerFactory.getLogger(ScheduledPublication.class);

	private final Blog blog;

	private final Clock clock;

	ScheduledPublication(Blog blog, Clock clock) {
		this.blog = blog;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${storekeeper.blog.publish-interval:PT5S}",
			initialDelayString = "${storekeeper.blog.publish-interval:PT5S}")
	void publishDuePosts() {
		try {
			int published = this.blog.publishDue(Times.now(this.clock));
			if (published > 0) {
				log.info("Published {} scheduled blog post(s)", published);
			}
		}
		catch (RuntimeException ex) {
			// The next run tries again; a failed run must not stop the schedule.
			log.warn("Could not publish scheduled blog posts: {}", ex.getMessage());
		}
	}

}
