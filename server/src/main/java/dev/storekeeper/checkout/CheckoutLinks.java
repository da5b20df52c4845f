package dev.storekeeper.checkout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.discounts.DiscountJson;
import dev.storekeeper.discounts.Discounts;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.PublicUrl;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout links: shareable addresses ({@code /l/{token}}) that open a new checkout for
 * fixed variants, with a QR code of the address.
 */
@Service
public class CheckoutLinks {

	private final CheckoutLinkRepository links;

	private final Catalog catalog;

	private final Discounts discounts;

	private final Checkouts checkouts;

	private final Clock clock;

	private final PublicUrl publicUrl;

	CheckoutLinks(CheckoutLinkRepository links, Catalog catalog, Discounts discounts, Checkouts checkouts, Clock clock,
			PublicUrl publicUrl) {
		this.links = links;
		this.catalog = catalog;
		this.discounts = discounts;
		this.checkouts = checkouts;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	/** A page of the caller's links, newest first. */
	@Transactional(readOnly = true)
	public Page<CheckoutLinkJson> list(Caller caller, PageQuery page) {
		long count = this.links.count(caller.accountId(), caller.livemode());
		return Page.of(this.links.page(caller.accountId(), caller.livemode(), page).stream().map(this::json).toList(),
				page, count);
	}

	/** One of the caller's links. */
	@Transactional(readOnly = true)
	public CheckoutLinkJson get(Caller caller, String key) {
		return json(find(caller, key));
	}

	/** Creates a link. */
	@Transactional
	public CheckoutLinkJson create(Caller caller, Fields fields) {
		CheckoutLinkRepository.Draft draft = new CheckoutLinkRepository.Draft(null, null, true, null, List.of());
		draft = apply(caller, draft, fields, true);
		long id = this.links.insert(Ids.next("cl"), Ids.random(24), caller.accountId(), caller.livemode(), draft,
				Times.now(this.clock));
		return json(this.links.findById(caller.accountId(), caller.livemode(), id).orElseThrow());
	}

	/** Applies a {@code PATCH} under the same rules. */
	@Transactional
	public CheckoutLinkJson update(Caller caller, String key, Fields fields) {
		CheckoutLink link = find(caller, key);
		CheckoutLinkRepository.Draft draft = apply(caller, new CheckoutLinkRepository.Draft(link.name(),
				link.discountId(), link.allowDiscountCodes(), link.successUrl(), link.priceVariantIds()), fields,
				false);
		this.links.update(link.id(), draft, Times.now(this.clock));
		return json(this.links.findById(caller.accountId(), caller.livemode(), link.id()).orElseThrow());
	}

	/** Deletes a link; checkouts it opened stay as they are. */
	@Transactional
	public void delete(Caller caller, String key) {
		this.links.delete(find(caller, key).id());
	}

	/**
	 * Opens a new checkout from a public link; its URL (the hosted page) is where the
	 * buyer goes next.
	 */
	public Optional<CheckoutJson> open(String token) {
		Optional<CheckoutLink> found = this.links.findByToken(token);
		return found.map((link) -> this.checkouts.open(link.accountId(), link.livemode(),
				link.priceVariantIds()
					.stream()
					.map((id) -> new Quotes.Request(new Ref(id, null), 1, null, "checkoutLink"))
					.toList(),
				null, null, link.discountId(), link.successUrl(), null, null, link.id(), link.allowDiscountCodes()));
	}

	/**
	 * The QR code of a link's public address, as a PNG; empty when there is no such link.
	 */
	public Optional<byte[]> qrCode(String token) {
		return this.links.findByToken(token).map((link) -> png(url(link)));
	}

	private CheckoutLinkRepository.Draft apply(Caller caller, CheckoutLinkRepository.Draft current, Fields fields,
			boolean creating) {
		Errors errors = fields.errors();
		String name = fields.has("name") ? fields.string("name") : current.name();
		if (name != null && name.length() > 100) {
			errors.add("name", "is too long (maximum is 100 characters)");
		}
		Boolean allow = fields.has("allowDiscountCodes") ? fields.bool("allowDiscountCodes")
				: Boolean.valueOf(current.allowDiscountCodes());
		String successUrl = fields.has("successUrl") ? fields.string("successUrl") : current.successUrl();
		if (successUrl != null && !successUrl.isBlank() && !successUrl.matches("https?://[^\\s]+")) {
			errors.add("successUrl", "must be an http or https URL");
		}
		Long discountId = current.discountId();
		if (fields.has("discountId")) {
			Ref ref = fields.ref("discountId");
			discountId = null;
			if (ref != null) {
				discountId = this.discounts.resolveId(caller.accountId(), caller.livemode(), ref).orElse(null);
				if (discountId == null) {
					errors.add("discountId", "does not exist");
				}
			}
		}
		List<Long> variantIds = current.priceVariantIds();
		if (creating || fields.has("priceVariantIds")) {
			List<Ref> refs = fields.refs("priceVariantIds");
			if (refs == null || refs.isEmpty()) {
				if (!errors.has("priceVariantIds")) {
					errors.add("priceVariantIds", "must name at least one price variant");
				}
				variantIds = List.of();
			}
			else {
				try {
					variantIds = this.catalog.resolveVariantIds(caller.accountId(), caller.livemode(), refs);
				}
				catch (dev.storekeeper.platform.web.InvalidRecord ex) {
					errors.add("priceVariantIds", "contains an unknown price variant");
					variantIds = List.of();
				}
			}
		}
		errors.throwIfAny();
		Map<Long, VariantForSale> variants = this.catalog.variantsForSale(caller.accountId(), caller.livemode(),
				variantIds);
		Set<Long> products = new HashSet<>();
		long recurring = 0;
		for (long id : variantIds) {
			VariantForSale variant = variants.get(id);
			if (variant == null) {
				continue;
			}
			if (!products.add(variant.productId())) {
				errors.add("priceVariantIds", "can hold at most one price variant per product");
			}
			recurring += variant.recurring() ? 1 : 0;
		}
		if (recurring > 0 && recurring < variantIds.size()) {
			errors.add("priceVariantIds", "cannot mix subscription and one-time price variants");
		}
		if (recurring > 1) {
			errors.add("priceVariantIds", "can hold at most one subscription price variant");
		}
		if (discountId != null && !errors.has("discountId")) {
			try {
				this.discounts.findActive(caller.accountId(), caller.livemode(), discountId, Times.now(this.clock));
			}
			catch (dev.storekeeper.platform.web.InvalidRecord ex) {
				errors.add("discountId", "must be an active discount");
			}
		}
		errors.throwIfAny();
		return new CheckoutLinkRepository.Draft((name != null && !name.isBlank()) ? name.trim() : null, discountId,
				(allow != null) ? allow : true,
				(successUrl != null && !successUrl.isBlank()) ? successUrl.trim() : null,
				List.copyOf(new ArrayList<>(variantIds)));
	}

	private CheckoutLink find(Caller caller, String key) {
		Ref ref = Ref.parse(key);
		return ((ref.id() != null) ? this.links.findById(caller.accountId(), caller.livemode(), ref.id())
				: this.links.find(caller.accountId(), caller.livemode(), key))
			.orElseThrow(() -> new NotFound("Checkout link"));
	}

	private String url(CheckoutLink link) {
		return this.publicUrl.of("/l/" + link.token());
	}

	private CheckoutLinkJson json(CheckoutLink link) {
		Map<Long, PriceVariantJson> variants = this.catalog.variantJson(link.accountId(), link.livemode(),
				link.priceVariantIds());
		List<PriceVariantJson> ordered = link.priceVariantIds()
			.stream()
			.map(variants::get)
			.filter((v) -> v != null)
			.toList();
		Map<Long, ProductJson> products = this.catalog.productJson(link.accountId(), link.livemode(),
				ordered.stream().map(PriceVariantJson::productId).toList());
		DiscountJson discount = (link.discountId() != null)
				? this.discounts.discountJson(link.accountId(), link.livemode(), List.of(link.discountId()))
					.get(link.discountId())
				: null;
		String url = url(link);
		return new CheckoutLinkJson(link.id(), link.prefixId(), link.name(), url, link.successUrl(),
				link.allowDiscountCodes(), discount, ordered, List.copyOf(products.values()),
				new CheckoutLinkJson.QrCode("checkout-link-" + link.prefixId() + ".png", "image/png", url + "/qr.png"),
				link.livemode(), link.createdAt(), link.updatedAt());
	}

	static byte[] png(String text) {
		try {
			Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
			hints.put(EncodeHintType.MARGIN, 2);
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300, hints);
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(matrix.getWidth(), matrix.getHeight(),
					java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("Could not draw the QR code", ex);
		}
	}

	/** A checkout link as stored. */
	record CheckoutLink(long id, String prefixId, long accountId, boolean livemode, @Nullable String name, String token,
			@Nullable Long discountId, boolean allowDiscountCodes, @Nullable String successUrl,
			List<Long> priceVariantIds, Instant createdAt, Instant updatedAt) {
	}

}
