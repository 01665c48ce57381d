package com.corpbank.portal.store;

import org.bson.Document;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads one stored type straight from its document, in place of Spring Data's reflective mapping, for the types the
 * hot paths read by the page-full (the mapping's per-property lookups and conversions were a tenth of a page's CPU).
 * Every bean of this type is registered as a reading converter; annotate the implementation with
 * {@code @ReadingConverter}. Writing still goes through the mapping, and a test must hold each reader to what the
 * mapping reads from the same documents.
 *
 * @param <T> the stored type
 */
public interface DocumentReader<T> extends Converter<Document, T> {

}
