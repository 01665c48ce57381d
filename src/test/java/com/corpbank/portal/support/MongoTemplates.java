package com.corpbank.portal.support;

import java.util.List;

import com.mongodb.client.MongoClient;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** A {@link MongoTemplate} over a client without a Spring context, mapping money and readers as the application does. */
public final class MongoTemplates {

	private MongoTemplates() {
	}

	/**
	 * @param readers the document readers to register ({@code store.DocumentReader}s); none: Spring Data's reflective
	 * mapping alone, the reference the readers are held to
	 */
	public static MongoTemplate mongoTemplate(MongoClient client, String database, List<? extends Converter<?, ?>> readers) {
		MongoCustomConversions conversions = MongoCustomConversions.create(adapter -> {
			adapter.bigDecimal(BigDecimalRepresentation.DECIMAL128);
			readers.forEach(adapter::registerConverter);
		});
		MongoMappingContext mappingContext = new MongoMappingContext();
		mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		mappingContext.afterPropertiesSet();
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mappingContext);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, database), converter);
	}

}
