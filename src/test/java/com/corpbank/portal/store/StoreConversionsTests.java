package com.corpbank.portal.store;

import java.math.BigDecimal;
import java.util.List;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's conversions replace Boot's: money still Decimal128 (and the representation property still
 * decides it), and clients read by their document reader.
 */
@PortalTest
class StoreConversionsTests {

	@Autowired
	MongoTemplate mongoTemplate;

	@Test
	void moneyIsStillDecimal128() {
		MongoConverter converter = this.mongoTemplate.getConverter();

		assertThat(converter.convertToMongoType(new BigDecimal("1234.56"))).isEqualTo(new Decimal128(new BigDecimal("1234.56")));
	}

	/** The bean replaces Boot's, so it must still honour the representation property Boot's honoured. */
	@Test
	void theBigDecimalRepresentationPropertyIsHonoured() {
		DataMongoProperties properties = new DataMongoProperties();
		properties.getRepresentation().setBigDecimal(BigDecimalRepresentation.STRING);

		MongoCustomConversions conversions = new StoreConfiguration().mongoCustomConversions(properties, List.of());

		assertThat(conversions.getCustomWriteTarget(BigDecimal.class)).contains(String.class);
	}

	@Test
	void clientsAreReadByTheirDocumentReader() {
		assertThat(this.mongoTemplate.getConverter().getCustomConversions().hasCustomReadTarget(Document.class, Client.class))
			.isTrue();
	}

}
