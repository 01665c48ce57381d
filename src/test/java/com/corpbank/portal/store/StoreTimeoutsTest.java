package com.corpbank.portal.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver gives up on a missing store in seconds, unless the URI says otherwise; only outages read UNAVAILABLE. */
class StoreTimeoutsTest {

	@Test
	void defaultsAreSecondsNotTheDriversHalfMinute() {
		MongoClientSettings settings = customized("mongodb://db1/portal");
		assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
		assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
		assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(10000);
	}

	@Test
	void timeoutsInTheUriWin() {
		MongoClientSettings settings = customized(
				"mongodb://db1/portal?serverSelectionTimeoutMS=7000&connectTimeoutMS=3000&socketTimeoutMS=60000");
		assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(7000);
		assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3000);
		assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(60000);
	}

	@Test
	void outagesAreRecognisedAtAnyDepthAndOtherFailuresAreNot() {
		assertThat(StoreUnavailableExceptionResolver.isOutage(new DataAccessResourceFailureException("down"))).isTrue();
		assertThat(StoreUnavailableExceptionResolver.isOutage(new IllegalStateException("wrapped",
				new MongoSocketReadException("end of stream", new ServerAddress("db1"))))).isTrue();
		assertThat(StoreUnavailableExceptionResolver.isOutage(new DuplicateKeyException("dup"))).isFalse();
		assertThat(StoreUnavailableExceptionResolver.isOutage(new IllegalArgumentException("bug"))).isFalse();
	}

	/** As Boot does it: the URI first, then the customizers. */
	private static MongoClientSettings customized(String uri) {
		ConnectionString connectionString = new ConnectionString(uri);
		MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(connectionString);
		new StoreConfiguration().storeTimeouts(new StoreProperties(uri, null), () -> connectionString)
			.customize(builder);
		return builder.build();
	}

}
