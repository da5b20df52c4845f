package dev.storekeeper.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.sales.Listeners;
import dev.storekeeper.sales.OrderPlaced;
import dev.storekeeper.sales.OrderRefunded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalog as other modules see it: what checkout and orders need to sell products
 * (variants for sale, stock, sales) and the products and variants as {@code GET} shows
 * them. The seller's API is {@link Products}, {@link PriceVariants} and {@link Reviews}.
 */
@Service
public class Catalog {

	private final ProductRepository products;

	private final PriceVariantRepository variants;

	private final Accounts accounts;

	private final CatalogViews views;

	private final CatalogCache cache;

	private final ApplicationEventPublisher events;

	/** The variants this node knows to be marked as sold (see {@link #recordSale}). */
	private final Set<Long> sold = ConcurrentHashMap.newKeySet();

	Catalog(ProductRepository products, PriceVariantRepository variants, Accounts accounts, CatalogViews views,
			CatalogCache cache, ApplicationEventPublisher events) {
		this.products = products;
		this.variants = variants;
		this.accounts = accounts;
		this.views = views;
		this.cache = cache;
		this.events = events;
	}

	/** The variant a checkout would sell, if it is the account's in that mode. */
	@Transactional(readOnly = true)
	public Optional<VariantForSale> variantForSale(long accountId, boolean livemode, Ref variant) {
		return forSale(accountId, livemode, List.of(variant)).get(0);
	}

	/**
	 * The account's variants that {@code refs} name (integer ids or prefixIds), in the
	 * order of {@code refs}, read in one statement: empty where a reference names none of
	 * theirs.
	 */
	@Transactional(readOnly = true)
	public List<Optional<VariantForSale>> forSale(long accountId, boolean livemode, List<Ref> refs) {
		if (refs.isEmpty()) {
			return List.of();
		}
		List<Long> ids = refs.stream().map(Ref::id).filter(Objects::nonNull).map(Long.class::cast).toList();
		List<String> prefixIds = refs.stream()
			.map(Ref::prefixId)
			.filter(Objects::nonNull)
			.map(String.class::cast)
			.toList();
		Map<Long, VariantForSale> found = forSale(accountId, livemode, ids, prefixIds);
		return refs.stream()
			.map((ref) -> found.values()
				.stream()
				.filter((variant) -> (ref.id() != null) ? ref.id() == variant.id()
						: variant.prefixId().equals(ref.prefixId()))
				.findFirst())
			.toList();
	}

	/**
	 * The account's variants among {@code ids}, by id, in one statement; others are left
	 * out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, VariantForSale> variantsForSale(long accountId, boolean livemode, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return forSale(accountId, livemode, ids, List.of());
	}

	/**
	 * All that completing a checkout needs of the catalog, in one call: the variants as
	 * they were for sale, their stock taken where enough is left (the lines it was not
	 * are {@link Reservation#shortOf}), and the variants and products as {@code GET}
	 * shows them afterwards. Must run in the checkout's transaction, which undoes it all
	 * when the sale fails.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Reservation reserve(long accountId, boolean livemode, List<Reservation.Line> lines) {
		List<Long> ids = lines.stream().map(Reservation.Line::priceVariantId).toList();
		Map<Long, VariantForSale> variants = forSale(accountId, livemode, ids, List.of());
		List<Reservation.Line> shortOf = new ArrayList<>();
		for (Reservation.Line line : lines) {
			// a variant this transaction just read is not read again
			VariantForSale variant = variants.get(line.priceVariantId());
			boolean taken = (variant != null)
					? take(line.priceVariantId(), line.quantity(), variant.quantityAvailable() != null)
					: takeStock(line.priceVariantId(), line.quantity());
			if (!taken) {
				shortOf.add(line);
			}
		}
		return new Reservation(variants, List.copyOf(shortOf), variantJson(accountId, livemode, ids), productJson(
				accountId, livemode, variants.values().stream().map(VariantForSale::productId).distinct().toList()));
	}

	private Map<Long, VariantForSale> forSale(long accountId, boolean livemode, Collection<Long> ids,
			Collection<String> prefixIds) {
		Map<Long, List<PriceVariantRepository.SaleRow>> byVariant = new LinkedHashMap<>();
		for (PriceVariantRepository.SaleRow row : this.variants.forSale(accountId, livemode, ids, prefixIds)) {
			byVariant.computeIfAbsent(row.variant().id(), (key) -> new ArrayList<>()).add(row);
		}
		Map<Long, VariantForSale> result = new LinkedHashMap<>();
		byVariant.forEach((id, rows) -> {
			PriceVariantRepository.SaleRow first = rows.get(0);
			PriceVariant v = first.variant();
			List<Long> experienceIds = new ArrayList<>();
			for (PriceVariantRepository.SaleRow row : rows) {
				if (row.experience() != null && row.experience().id() != null) {
					experienceIds.add(row.experience().id());
				}
			}
			result.put(id, new VariantForSale(v.id(), v.prefixId(), v.productId(), first.productPrefixId(),
					first.productName(), first.productStatus(), v.name(), v.amount(), v.currency(), v.billingType(),
					v.amountType(), v.presetAmount(), v.minimumAmount(), v.maximumAmount(), v.recurringInterval(),
					v.intervalCount(), v.trialPeriodDays(), v.revokeAfterDays(), v.seatQuantity(),
					v.quantityAvailable(), v.waitlist(), v.hidden(), v.archived(), List.copyOf(experienceIds)));
		});
		return result;
	}

	/**
	 * Takes {@code quantity} from the variant's stock in one conditional update: true
	 * when taken (always for an unlimited variant), false when too little is left or
	 * there is no such variant. Records {@code product.low_stock} when the stock falls to
	 * 10% or less of what it was set to.
	 */
	@Transactional
	public boolean takeStock(long variantId, int quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be 1 or more");
		}
		Optional<PriceVariantRepository.Stock> before = this.variants.stock(variantId);
		return before.isPresent() && take(variantId, quantity, before.get().quantityAvailable() != null);
	}

	/**
	 * {@link #takeStock} of a variant whose stock is known to be {@code limited} or not:
	 * an unlimited one has nothing to take, and takes no lock on the variant, which every
	 * checkout of it shares.
	 */
	private boolean take(long variantId, int quantity, boolean limited) {
		if (!limited) {
			return true;
		}
		this.cache.changing();
		if (!this.variants.takeStock(variantId, quantity)) {
			return false;
		}
		this.variants.stock(variantId).ifPresent((stock) -> {
			Integer left = stock.quantityAvailable();
			Integer initial = stock.initialQuantity();
			if (left != null && initial != null && initial > 0 && left * 10L <= initial
					&& (left + (long) quantity) * 10L > initial) {
				Product product = this.products.byIds(stock.accountId(), stock.livemode(), List.of(stock.productId()))
					.get(stock.productId());
				this.events.publishEvent(new StockRanLow(stock.accountId(), stock.livemode(),
						this.views.toJson(stock.accountId(), stock.livemode(), List.of(product)).get(0)));
			}
		});
		return true;
	}

	/**
	 * Puts {@code quantity} back into a limited variant's stock (a refund, an expired
	 * hold).
	 */
	@Transactional
	public void returnStock(long variantId, int quantity) {
		this.cache.changing();
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be 1 or more");
		}
		this.variants.returnStock(variantId, quantity);
	}

	/**
	 * Marks the variants an order sold, and their products, as sold, in the order's
	 * transaction: from then on they can only be archived, never deleted. Only the first
	 * sale writes (see {@link PriceVariantRepository#recordSale}), so checkouts of one
	 * variant never wait for each other on its row or its product's.
	 */
	@EventListener
	@Order(Listeners.STATE)
	void on(OrderPlaced placed) {
		placed.lines().forEach((line) -> recordSale(line.priceVariantId()));
	}

	/**
	 * Marks one variant and its product as sold (see {@link #on(OrderPlaced)}), unless
	 * this node knows it is: a mark is never taken back, so a variant found marked, or
	 * marked by a transaction that committed, is not written again (a statement less in
	 * every checkout but a variant's first).
	 */
	@Transactional
	public void recordSale(long variantId) {
		if (this.sold.contains(variantId)) {
			return;
		}
		if (!this.variants.recordSale(variantId)) {
			this.sold.add(variantId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Catalog.this.sold.add(variantId);
			}
		});
	}

	/** Puts the stock of a fully refunded order back, in the refund's transaction. */
	@EventListener
	@Order(Listeners.STATE)
	void on(OrderRefunded refunded) {
		refunded.returned().forEach((line) -> returnStock(line.priceVariantId(), line.quantity()));
	}

	/**
	 * The active product at {@code slug} of the seller at {@code subdomain}, in that
	 * mode, as its public page shows it; empty for an unknown seller or slug and for a
	 * product that is not active.
	 */
	@Transactional(readOnly = true)
	public Optional<ProductJson> publicProduct(String subdomain, String slug, boolean livemode) {
		Account account;
		try {
			account = this.accounts.bySubdomain(subdomain);
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
		return this.products.findBySlug(account.id(), livemode, slug)
			.filter((product) -> Product.ACTIVE.equals(product.status()))
			.map((product) -> this.views.toJson(account.id(), livemode, List.of(product)).get(0));
	}

	/** The account's products among {@code productIds}, in brief, by id. */
	@Transactional(readOnly = true)
	public Map<Long, ProductSummary> products(long accountId, boolean livemode, Collection<Long> productIds) {
		Map<Long, Product> rows = this.products.byIds(accountId, livemode, productIds);
		if (rows.isEmpty()) {
			return Map.of();
		}
		String subdomain = this.accounts.get(accountId).subdomain();
		Map<Long, ProductSummary> result = new LinkedHashMap<>();
		rows.forEach((id, product) -> result.put(id, new ProductSummary(id, product.prefixId(), product.name(),
				product.slug(), product.status(), this.views.url(subdomain, product.slug(), livemode))));
		return result;
	}

	/**
	 * The account's products among {@code productIds} as {@code GET} shows them, by id,
	 * in a fixed number of statements (for an order's line items).
	 */
	@Transactional(readOnly = true)
	public Map<Long, ProductJson> productJson(long accountId, boolean livemode, Collection<Long> productIds) {
		return this.views.productJson(accountId, livemode, productIds);
	}

	/**
	 * The account's price variants among {@code variantIds}, archived ones included, as
	 * {@code GET} shows them, by id, in a fixed number of statements.
	 */
	@Transactional(readOnly = true)
	public Map<Long, PriceVariantJson> variantJson(long accountId, boolean livemode, Collection<Long> variantIds) {
		return this.views.variantJson(accountId, livemode, variantIds);
	}

	/**
	 * The id of the account's product named by an integer id, a prefixId or a slug, if it
	 * is theirs.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> resolveProductId(long accountId, boolean livemode, Ref ref) {
		return this.products.find(accountId, livemode, ref.toString()).map(Product::id);
	}

	/**
	 * The ids of the caller's variants that {@code refs} name (integer ids or prefixIds),
	 * in order, without repeats.
	 * @throws InvalidRecord on {@code priceVariants} when any is not the account's
	 */
	@Transactional(readOnly = true)
	public List<Long> resolveVariantIds(long accountId, boolean livemode, List<Ref> refs) {
		if (refs.isEmpty()) {
			return List.of();
		}
		List<Long> ids = refs.stream().map(Ref::id).filter((id) -> id != null).map(Long.class::cast).toList();
		List<String> prefixIds = refs.stream()
			.map(Ref::prefixId)
			.filter((id) -> id != null)
			.map(String.class::cast)
			.toList();
		Map<String, Long> known = this.variants.resolve(accountId, livemode, ids, prefixIds);
		Set<Long> result = new LinkedHashSet<>();
		for (Ref ref : refs) {
			Long id = known.get(ref.toString());
			if (id == null) {
				throw Errors.of("priceVariants", "contains an unknown price variant");
			}
			result.add(id);
		}
		return List.copyOf(result);
	}

}
