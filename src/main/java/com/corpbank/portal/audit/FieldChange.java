package com.corpbank.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * One changed field of an audit event, as text (decimals in plain notation, dates ISO-8601, personal data masked).
 *
 * @param before null when the field had no value (or the entity did not exist)
 * @param after null when the field has no value any more (or the entity was removed)
 */
public record FieldChange(String field, @Nullable String before, @Nullable String after) {
}
