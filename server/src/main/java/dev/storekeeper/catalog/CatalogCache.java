package dev.storekeeper.catalog;

import java.time.Duration;

import dev.storekeeper.platform.jdbc.Invalidations;
import dev.storekeeper.platform.jdbc.ReadCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The catalog as the API shows it (products, variants, which key names which product),
 * since every product read, order page and checkout shows it; forgotten on any change to
 * the catalog, on every node (see {@link ReadCache}).
 */
@Component
class CatalogCache extends ReadCache {

	CatalogCache(Invalidations invalidations, @Value("${storekeeper.cache-ttl:1s}") Duration ttl) {
		super(ttl);
		invalidations.share("catalog", this);
	}

}
