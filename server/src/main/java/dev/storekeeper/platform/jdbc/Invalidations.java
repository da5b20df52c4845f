package dev.storekeeper.platform.jdbc;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Every node's shared caches of what it read ({@link ReadCache}s with a name), kept in
 * step: when a change to what a cache holds commits on one node, the others forget what
 * they cached of it at once (through an {@link InvalidationChannel}); a message that is
 * lost costs at most the caches' time to live. Bursts of changes are sent as one message
 * per cache.
 */
public class Invalidations implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Invalidations.class);

	/** Tells this node's messages from the others'. */
	private final String node = UUID.randomUUID().toString();

	private final InvalidationChannel channel;

	private final MeterRegistry meters;

	private final Map<String, ReadCache> caches = new ConcurrentHashMap<>();

	private final Map<String, Counter> received = new ConcurrentHashMap<>();

	private final BlockingQueue<String> changed = new LinkedBlockingQueue<>();

	private volatile boolean running = true;

	private volatile boolean warned;

	private @Nullable Thread sender;

	Invalidations(InvalidationChannel channel, MeterRegistry meters) {
		this.channel = channel;
		this.meters = meters;
	}

	/**
	 * Shares {@code cache} with the other nodes under {@code name}: its committed changes
	 * make them forget theirs.
	 */
	public <C extends ReadCache> C share(String name, C cache) {
		if (this.caches.putIfAbsent(name, cache) != null) {
			throw new IllegalStateException("Two caches named " + name);
		}
		cache.onCommittedChange(() -> changed(name));
		this.received.put(name,
				Counter.builder("storekeeper.cache.invalidations.received")
					.description("Caches forgotten because another node changed what they hold")
					.tag("cache", name)
					.register(this.meters));
		return cache;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.channel.reachesOthers()) {
			return;
		}
		this.channel.listen(this::received, this::forgetAll);
		Thread sender = new Thread(this::sendChanges, "storekeeper-invalidations-sender");
		sender.setDaemon(true);
		this.sender = sender;
		sender.start();
	}

	/**
	 * Notes, once a change to the cache has committed, that the other nodes must know.
	 */
	private void changed(String name) {
		if (this.channel.reachesOthers()) {
			this.changed.add(name);
		}
	}

	private void sendChanges() {
		while (this.running) {
			try {
				String first = this.changed.poll(500, TimeUnit.MILLISECONDS);
				if (first != null) {
					send(first);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * Sends one message per cache changed, for {@code first} and what else is waiting.
	 */
	private void send(String first) {
		Set<String> names = new HashSet<>();
		names.add(first);
		this.changed.drainTo(names);
		for (String name : names) {
			try {
				this.channel.publish(this.node + " " + name);
				this.warned = false;
			}
			catch (RuntimeException ex) {
				if (!this.warned) {
					log.warn("Could not tell the other nodes that {} changed ({}); they see it within the cache's "
							+ "time to live", name, ex.getMessage());
					this.warned = true;
				}
			}
		}
	}

	private void received(String message) {
		int space = message.indexOf(' ');
		if (space < 0 || message.substring(0, space).equals(this.node)) {
			return;
		}
		String name = message.substring(space + 1);
		ReadCache cache = this.caches.get(name);
		if (cache != null) {
			cache.forget();
			this.received.get(name).increment();
		}
	}

	private void forgetAll() {
		this.caches.values().forEach(ReadCache::forget);
	}

	@Override
	public void destroy() {
		this.running = false;
		Thread sender = this.sender;
		if (sender != null) {
			try {
				sender.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// changes committed just before the shutdown still reach the other nodes
			String last = this.changed.poll();
			if (last != null) {
				send(last);
			}
		}
		this.channel.close();
	}

}
