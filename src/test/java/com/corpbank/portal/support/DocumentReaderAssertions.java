package com.corpbank.portal.support;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds a document reader ({@code store.DocumentReader}) to Spring Data's reflective mapping of the same documents. */
public final class DocumentReaderAssertions {

	private DocumentReaderAssertions() {
	}

	/**
	 * Every document of the collection read three ways: by the reader, by the reflective mapping, and by a template
	 * with the reader registered as the application registers it (which must be the reader's answer).
	 *
	 * @return what the reader read, at least {@code atLeast} of it
	 */
	public static <T> List<T> assertEveryDocumentReadAsTheMappingDoes(MongoClient client, String database,
			String collection, Class<T> type, Converter<Document, T> reader, int atLeast) {
		MongoConverter mapping = MongoTemplates.mongoTemplate(client, database, List.of()).getConverter();
		List<T> read = new ArrayList<>();
		for (Document stored : client.getDatabase(database).getCollection(collection).find()) {
			T byReader = reader.convert(stored);
			assertThat(byReader).as(stored.toJson()).isEqualTo(mapping.read(type, stored));
			read.add(byReader);
		}
		assertThat(read).hasSizeGreaterThanOrEqualTo(atLeast);
		assertThat(MongoTemplates.mongoTemplate(client, database, List.of(reader)).findAll(type, collection))
			.containsExactlyInAnyOrderElementsOf(read);
		return read;
	}

	/** One document, as stored or projected, read by the reader and by the mapping. */
	public static <T> void assertReadAsTheMappingDoes(MongoClient client, Document stored, Class<T> type,
			Converter<Document, T> reader) {
		MongoConverter mapping = MongoTemplates.mongoTemplate(client, "unused", List.of()).getConverter();
		assertThat(reader.convert(stored)).as(stored.toJson()).isEqualTo(mapping.read(type, stored));
	}

}
