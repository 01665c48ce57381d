package com.corpbank.portal.tax;

import java.util.List;

import com.corpbank.portal.write.UserError;
import org.jspecify.annotations.Nullable;

/** {@code RecordTaxRecordPayload}: the tax year as recorded, or why nothing changed. */
public record RecordTaxRecordPayload(@Nullable TaxRecord taxRecord, List<UserError> errors) {

	static RecordTaxRecordPayload of(TaxRecord taxRecord) {
		return new RecordTaxRecordPayload(taxRecord, List.of());
	}

	static RecordTaxRecordPayload failed(List<UserError> errors) {
		return new RecordTaxRecordPayload(null, errors);
	}

}
