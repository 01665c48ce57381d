package com.corpbank.portal.store;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the client book is stored.
 *
 * @param mongodbUri a real MongoDB; when empty the service starts its own in-process store
 * @param dataDir the folder of the in-process store's file; when empty the store lives in memory only
 */
@ConfigurationProperties("portal.store")
public record StoreProperties(@Nullable String mongodbUri, @Nullable String dataDir) {

	public boolean embedded() {
		return this.mongodbUri == null || this.mongodbUri.isBlank();
	}

}
