package dev.storekeeper.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.outbox.Outbox;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import dev.storekeeper.webhooks.DeliveryRepository.Due;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery of the outbox: each new event becomes one delivery per endpoint that wants it
 * (same account and mode), claimed by one node at a time with conditional updates (a
 * batch of due deliveries in one), sent concurrently on virtual threads with both
 * signatures over kept-alive connections (each send's outcome is recorded as soon as it
 * ends, together with the others that ended meanwhile, so a slow receiver holds up no one
 * else's), and retried after 1 min, 5 min, 30 min and 2 h before it is marked failed.
 */
@Service
public class Deliveries implements DisposableBean {

	/** The waits after the first, second, third and fourth failed attempt. */
	static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2));

	static final Duration LEASE = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private final DeliveryRepository deliveries;

	private final Outbox outbox;

	private final WebhookEndpoints endpoints;

	private final Sender sender;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	/** The outcomes of finished sends, recorded together by {@link #recordLoop}. */
	private final BlockingQueue<ToRecord> toRecord = new LinkedBlockingQueue<>();

	private final Thread recorder = Thread.ofVirtual().name("webhook-recorder").unstarted(this::recordLoop);

	/** The sends in flight on this node, per endpoint. */
	private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Counter> attemptsByOutcome = new HashMap<>();

	/** Called when an endpoint that had its most sends in flight has room again. */
	private volatile Runnable onRoom = () -> {
	};

	Deliveries(DeliveryRepository deliveries, Outbox outbox, WebhookEndpoints endpoints, Sender sender,
			TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
		for (String outcome : List.of("succeeded", "retrying", "failed")) {
			this.attemptsByOutcome.put(outcome, Counter.builder("storekeeper.webhooks.attempts")
				.description("Webhook delivery attempts made by this node, by outcome: succeeded, retrying (failed, "
						+ "to be tried again) or failed (given up)")
				.tag("outcome", outcome)
				.register(meters));
		}
		this.deliveries = deliveries;
		this.outbox = outbox;
		this.endpoints = endpoints;
		this.sender = sender;
		this.transactions = transactions;
		this.clock = clock;
		this.recorder.start();
	}

	/**
	 * A delivery of one event ({@code eventId}, {@code whev_}: the id its payload and its
	 * {@code webhook-id} header carry) to one endpoint, with its attempts, as the history
	 * shows it. Its own {@code id} (integer) and {@code prefixId} ({@code whdl_}) follow
	 * the API's id convention.
	 */
	public record DeliveryJson(long id, String prefixId, String eventId, String type, String endpointId, String status,
			int attempts, @Nullable Instant nextAttemptAt, boolean livemode, Instant createdAt,
			List<AttemptJson> attemptsLog) {
	}

	/** One attempt: when, what came back, how long it took. */
	public record AttemptJson(Instant attemptedAt, @Nullable Integer statusCode, long durationMs,
			@Nullable String response, @Nullable String error) {
	}

	/** What a test send returned. */
	public record TestResult(boolean delivered, @Nullable Integer statusCode, String message) {
	}

	/**
	 * Turns new events into deliveries, a hundred events a transaction: the events are
	 * claimed together ({@link Outbox#claim}: each by one node only, whatever the number
	 * of nodes) and their deliveries inserted together.
	 * @return how many events were fanned out
	 */
	public int fanOut() {
		int done = 0;
		for (int batch = 0; batch < 50; batch++) {
			List<Outbox.Entry> events = this.outbox.unfanned(500);
			Map<String, List<WebhookEndpoints.Endpoint>> endpoints = new HashMap<>();
			for (int from = 0; from < events.size(); from += 100) {
				List<Outbox.Entry> some = events.subList(from, Math.min(events.size(), from + 100));
				Integer claimed = this.transactions.execute((status) -> fanOut(some, endpoints));
				done += (claimed != null) ? claimed : 0;
			}
			if (events.size() < 500) {
				break;
			}
		}
		return done;
	}

	private int fanOut(List<Outbox.Entry> events, Map<String, List<WebhookEndpoints.Endpoint>> endpoints) {
		Set<Long> claimed = new HashSet<>(this.outbox.claim(events.stream().map(Outbox.Entry::id).toList()));
		Instant now = Times.now(this.clock);
		List<DeliveryRepository.NewDelivery> rows = new ArrayList<>();
		for (Outbox.Entry event : events) {
			if (!claimed.contains(event.id())) {
				continue;
			}
			// the active endpoints of an account and mode, read once per round
			for (WebhookEndpoints.Endpoint endpoint : endpoints.computeIfAbsent(
					event.accountId() + "/" + event.livemode(),
					(key) -> this.endpoints.active(event.accountId(), event.livemode()))) {
				if (endpoint.wants(event.type())) {
					rows.add(new DeliveryRepository.NewDelivery(Ids.next("whdl"), event.id(), endpoint));
				}
			}
		}
		this.deliveries.insert(rows, now);
		return claimed.size();
	}

	/**
	 * What to call when an endpoint that had {@link #PER_ENDPOINT} sends in flight
	 * finishes one: the poller starts a round at once rather than at its next tick.
	 */
	void onRoom(Runnable onRoom) {
		this.onRoom = onRoom;
	}

	/**
	 * Sends every delivery due at {@code now} and waits for their outcomes to be recorded
	 * (for a caller that needs them at once; the poller uses {@link #dispatchDue}).
	 * @return how many attempts were made
	 */
	public int deliverDue(Instant at) {
		int attempts = 0;
		for (int batch = 0; batch < 5; batch++) {
			Dispatched dispatched = dispatch(at);
			for (Future<?> send : dispatched.sends()) {
				try {
					send.get();
					attempts++;
				}
				catch (Exception ex) {
					log.warn("A webhook delivery failed unexpectedly: {}", ex.getMessage());
				}
			}
			if (dispatched.due() < BATCH) {
				break;
			}
		}
		return attempts;
	}

	/**
	 * Starts sending every delivery due at {@code now} and returns without waiting: each
	 * send records its own outcome when it ends (within the sender's deadline), so a slow
	 * receiver delays nobody else's deliveries, and the next round goes on while it is
	 * still sending. An endpoint has at most {@link #PER_ENDPOINT} sends in flight on
	 * this node; the rest of its deliveries wait for a later round.
	 * @return how many sends were started
	 */
	public int dispatchDue(Instant at) {
		int started = 0;
		for (int batch = 0; batch < 5; batch++) {
			Dispatched dispatched = dispatch(at);
			started += dispatched.sends().size();
			if (dispatched.due() < BATCH) {
				break;
			}
		}
		return started;
	}

	/** The most deliveries claimed at a time. */
	static final int BATCH = 200;

	/** The most sends one endpoint has in flight on one node. */
	static final int PER_ENDPOINT = 10;

	private record Dispatched(int due, List<Future<?>> sends) {
	}

	/**
	 * Claims up to {@link #BATCH} due deliveries (of endpoints with room for more sends
	 * in flight), each by a conditional update (a lease) so two deliverers never send the
	 * same attempt, and starts their sends.
	 */
	private Dispatched dispatch(Instant at) {
		// whole seconds, as stored: a retry due at 10:01:00 is due for a call at
		// 10:01:00.4
		Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		List<Long> busy = new ArrayList<>();
		this.inFlight.forEach((endpoint, count) -> {
			if (count.get() >= PER_ENDPOINT) {
				busy.add(endpoint);
			}
		});
		busy.add(-1L);
		List<Due> due = this.deliveries.due(now, busy, BATCH);
		// the endpoints' room for more sends, then one lease of them all
		List<Long> wanted = new ArrayList<>();
		Map<Long, Long> endpointOf = new HashMap<>();
		Map<Long, Integer> taken = new HashMap<>();
		for (Due delivery : due) {
			int inFlight = this.inFlight.getOrDefault(delivery.endpointId(), new AtomicInteger()).get()
					+ taken.getOrDefault(delivery.endpointId(), 0);
			if (inFlight < PER_ENDPOINT) {
				wanted.add(delivery.id());
				endpointOf.put(delivery.id(), delivery.endpointId());
				taken.merge(delivery.endpointId(), 1, Integer::sum);
			}
		}
		List<Long> claimed = this.deliveries.claim(wanted, now, now.plus(LEASE), Ids.weak(24));
		Map<Long, DeliveryRepository.ToSend> rows = this.deliveries.toSend(claimed);
		// the endpoints read once per round, before the sends start
		Map<Long, Optional<WebhookEndpoints.Endpoint>> endpoints = new HashMap<>();
		for (DeliveryRepository.ToSend row : rows.values()) {
			endpoints.computeIfAbsent(row.endpointId(), this.endpoints::byId);
		}
		List<Future<?>> sends = new ArrayList<>();
		for (long id : claimed) {
			DeliveryRepository.ToSend row = rows.get(id);
			if (row == null) {
				continue;
			}
			AtomicInteger count = this.inFlight.computeIfAbsent(endpointOf.get(id), (key) -> new AtomicInteger());
			count.incrementAndGet();
			sends.add(this.workers.submit(() -> {
				try {
					recordSoon(send(id, row, now, endpoints), now).join();
				}
				finally {
					if (count.decrementAndGet() == PER_ENDPOINT - 1) {
						// the endpoint was full: its next deliveries may be waiting
						this.onRoom.run();
					}
				}
			}));
		}
		return new Dispatched(due.size(), sends);
	}

	/** An outcome waiting for the recorder, and what its send waits on. */
	private record ToRecord(Outcome outcome, Instant now, CompletableFuture<Void> recorded) {
	}

	/**
	 * Hands an outcome to the recorder, which records the outcomes that finished
	 * meanwhile together, in one transaction (one commit for many sends instead of one
	 * each).
	 */
	private CompletableFuture<Void> recordSoon(Outcome outcome, Instant now) {
		ToRecord entry = new ToRecord(outcome, now, new CompletableFuture<>());
		this.toRecord.add(entry);
		return entry.recorded();
	}

	private void recordLoop() {
		while (true) {
			List<ToRecord> batch = new ArrayList<>();
			try {
				batch.add(this.toRecord.take());
			}
			catch (InterruptedException ex) {
				return;
			}
			this.toRecord.drainTo(batch, BATCH - 1);
			try {
				this.transactions.executeWithoutResult((status) -> record(batch));
				batch.forEach((entry) -> entry.recorded().complete(null));
			}
			catch (RuntimeException together) {
				// one at a time, so that one outcome that cannot be recorded holds up no
				// other
				for (ToRecord entry : batch) {
					try {
						this.transactions.executeWithoutResult((status) -> record(entry.outcome(), entry.now()));
						entry.recorded().complete(null);
					}
					catch (RuntimeException ex) {
						entry.recorded().completeExceptionally(ex);
					}
				}
			}
		}
	}

	private boolean claim(long id, Instant now) {
		return this.deliveries.claim(id, now, now.plus(LEASE));
	}

	private boolean attempt(long deliveryId, Instant now) {
		Outcome outcome = send(deliveryId, now, new HashMap<>());
		this.transactions.executeWithoutResult((status) -> record(outcome, now));
		return true;
	}

	/** What one attempt of a delivery came to, to record. */
	private record Outcome(long deliveryId, int attempts, Sender.Result result,
			WebhookEndpoints.@Nullable Endpoint endpoint) {
	}

	private Outcome send(long deliveryId, Instant now, Map<Long, Optional<WebhookEndpoints.Endpoint>> endpoints) {
		return send(deliveryId, this.deliveries.toSend(deliveryId), now, endpoints);
	}

	private Outcome send(long deliveryId, DeliveryRepository.ToSend row, Instant now,
			Map<Long, Optional<WebhookEndpoints.Endpoint>> endpoints) {
		// endpoints read once per round of deliveries
		Optional<WebhookEndpoints.Endpoint> known = endpoints.get(row.endpointId());
		WebhookEndpoints.Endpoint endpoint = ((known != null) ? known : this.endpoints.byId(row.endpointId()))
			.orElse(null);
		int attempts = row.attempts() + 1;
		Sender.Result result;
		if (endpoint == null || !endpoint.status().equals("active")) {
			result = new Sender.Result(null, null, "the endpoint is disabled", 0);
		}
		else {
			String eventId = row.eventId();
			String body = endpoint.sellvy() ? sellvyEnvelope(eventId, row.type(), row.createdAt(), row.data())
					: envelope(eventId, row.type(), row.createdAt(), row.data(), false);
			result = send(endpoint, eventId, body, now);
		}
		return new Outcome(deliveryId, attempts, result, endpoint);
	}

	private void record(Outcome outcome, Instant now) {
		record(List.of(new ToRecord(outcome, now, new CompletableFuture<>())));
	}

	/** Records outcomes together: two statements for all of them. */
	private void record(List<ToRecord> entries) {
		List<DeliveryRepository.Settled> settled = new ArrayList<>(entries.size());
		for (ToRecord entry : entries) {
			settled.add(settled(entry.outcome(), entry.now()));
		}
		this.deliveries.settle(settled);
	}

	private Sender.Result send(WebhookEndpoints.Endpoint endpoint, String eventId, String body, Instant now) {
		long timestamp = now.getEpochSecond();
		Map<String, String> headers = new LinkedHashMap<>();
		if (endpoint.sellvy()) {
			headers.put("X-Sellvy-Signature", Signatures.sellvy(endpoint.secret(), body));
		}
		headers.put("X-Crevio-Hmac-SHA256", Signatures.crevio(endpoint.secret(), body));
		headers.put("webhook-id", eventId);
		headers.put("webhook-timestamp", String.valueOf(timestamp));
		headers.put("webhook-signature", Signatures.standard(endpoint.secret(), eventId, timestamp, body));
		return this.sender.post(endpoint.url(), headers, body);
	}

	/**
	 * Where a delivery stands after an attempt: succeeded, pending a retry, or failed (an
	 * endpoint that answers 410 is disabled).
	 */
	private DeliveryRepository.Settled settled(Outcome outcome, Instant now) {
		Sender.Result result = outcome.result();
		WebhookEndpoints.Endpoint endpoint = outcome.endpoint();
		int attempts = outcome.attempts();
		String status;
		Instant next = null;
		if (result.succeeded()) {
			status = "succeeded";
		}
		else if (Integer.valueOf(410).equals(result.status()) || endpoint == null || !endpoint.status().equals("active")
				|| attempts > RETRIES.size()) {
			status = "failed";
			if (endpoint != null && Integer.valueOf(410).equals(result.status())) {
				this.endpoints.disable(endpoint.id());
			}
		}
		else {
			status = "pending";
			next = now.plus(RETRIES.get(attempts - 1));
		}
		this.attemptsByOutcome.get(status.equals("pending") ? "retrying" : status).increment();
		return new DeliveryRepository.Settled(outcome.deliveryId(), now, result, status, attempts, next);
	}

	/**
	 * The payload: the snake_case envelope of both seeds around the object as its GET
	 * shows it.
	 */
	static String envelope(String eventId, String type, Instant createdAt, String data, boolean test) {
		return "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"created_at\":\"" + createdAt
				+ "\",\"api_version\":\"v1\"" + (test ? ",\"test\":true" : "") + ",\"data\":" + data + "}";
	}

	/**
	 * The payload of a Sellvy endpoint, the seed's: {@code {"id": "evt_…", "type",
	 * "created_at", "data"}}, where the id carries the 16 characters of the event's
	 * {@code whev_} id and the type drops the outbox's {@code sellvy:} mark.
	 */
	static String sellvyEnvelope(String eventId, String type, Instant createdAt, String data) {
		String id = "evt_" + eventId.substring(eventId.indexOf('_') + 1);
		String name = type.startsWith(WebhookEndpoints.SELLVY) ? type.substring(WebhookEndpoints.SELLVY.length())
				: type;
		return "{\"id\":\"" + id + "\",\"type\":\"" + name + "\",\"created_at\":\""
				+ createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\",\"data\":" + data + "}";
	}

	/** Sends a test event to one of the caller's endpoints now, outside the history. */
	TestResult test(Caller caller, String endpointKey, String type) {
		WebhookEndpoints.Endpoint endpoint = this.endpoints.find(caller, endpointKey);
		Instant now = Times.now(this.clock);
		String eventId = Ids.next("whev");
		String data = "{\"object\":\"" + type.substring(0, type.indexOf('.')) + "\",\"livemode\":" + caller.livemode()
				+ "}";
		String body = endpoint.sellvy() ? sellvyEnvelope(eventId, type, now, data)
				: envelope(eventId, type, now, data, true);
		Sender.Result result = send(endpoint, eventId, body, now);
		String message = result.succeeded() ? "Delivered"
				: (result.error() != null) ? result.error() : "The endpoint answered " + result.status();
		return new TestResult(result.succeeded(), result.status(), message);
	}

	/** The delivery history of the caller's mode, newest first. */
	Page<DeliveryJson> list(Caller caller, @Nullable Long endpointId, @Nullable String eventId, @Nullable String type,
			@Nullable String status, PageQuery page) {
		DeliveryRepository.Filter filter = new DeliveryRepository.Filter(endpointId, eventId, type, status);
		long count = this.deliveries.count(caller.accountId(), caller.livemode(), filter);
		List<Long> ids = this.deliveries.page(caller.accountId(), caller.livemode(), filter, page);
		return Page.of(json(ids), page, count);
	}

	/** A delivery by its integer id or its prefixed id. */
	DeliveryJson get(Caller caller, String key) {
		List<Long> ids = this.deliveries.find(caller.accountId(), caller.livemode(), Ref.parse(key));
		if (ids.isEmpty()) {
			throw new NotFound("Webhook event");
		}
		return json(ids).get(0);
	}

	/** Sends a delivery again now, whatever its state, and answers with the result. */
	DeliveryJson retry(Caller caller, String key) {
		DeliveryJson delivery = get(caller, key);
		Instant now = Times.now(this.clock);
		long id = delivery.id();
		this.deliveries.reset(id, now);
		if (claim(id, now)) {
			attempt(id, now);
		}
		return get(caller, delivery.prefixId());
	}

	private List<DeliveryJson> json(List<Long> ids) {
		return this.deliveries.history(ids);
	}

	@Override
	public void destroy() {
		// the sends finish first: each waits for its outcome to be recorded
		this.workers.close();
		this.recorder.interrupt();
	}

}
