package com.corpbank.portal.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client book is stored, and how long the driver waits for it.
 *
 * @param mongodbUri a real MongoDB; when empty the service starts its own in-process store
 * @param dataDir the folder of the in-process store's file; when empty the store lives in memory only
 * @param serverSelectionTimeout how long a request waits for a usable server before it fails with
 * {@code UNAVAILABLE} (the driver's default is 30 s, which holds a request thread for as long)
 * @param connectTimeout how long opening a connection may take
 * @param readTimeout how long a command may wait for its reply on an open connection
 */
@ConfigurationProperties("portal.store")
public record StoreProperties(@Nullable String mongodbUri, @Nullable String dataDir,
		@DefaultValue("2s") Duration serverSelectionTimeout, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout) {

	@ConstructorBinding
	public StoreProperties {
	}

	/** Where and what, with the default timeouts. */
	public StoreProperties(@Nullable String mongodbUri, @Nullable String dataDir) {
		this(mongodbUri, dataDir, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	public boolean embedded() {
		return this.mongodbUri == null || this.mongodbUri.isBlank();
	}

}
