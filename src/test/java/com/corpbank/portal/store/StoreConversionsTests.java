package com.corpbank.portal.store;

import java.math.BigDecimal;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's conversions replace Boot's: money still Decimal128, and clients read by their document reader. */
@PortalTest
class StoreConversionsTests {

	@Autowired
	MongoTemplate mongoTemplate;

	@Test
	void moneyIsStillDecimal128() {
		MongoConverter converter = this.mongoTemplate.getConverter();

		assertThat(converter.convertToMongoType(new BigDecimal("1234.56"))).isEqualTo(new Decimal128(new BigDecimal("1234.56")));
	}

	@Test
	void clientsAreReadByTheirDocumentReader() {
		assertThat(this.mongoTemplate.getConverter().getCustomConversions().hasCustomReadTarget(Document.class, Client.class))
			.isTrue();
	}

}
