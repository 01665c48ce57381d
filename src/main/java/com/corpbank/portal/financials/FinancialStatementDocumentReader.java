package com.corpbank.portal.financials;

import com.corpbank.portal.store.DocumentReader;
import org.bson.Document;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.stereotype.Component;

import static com.corpbank.portal.store.DocumentFields.booleanValue;
import static com.corpbank.portal.store.DocumentFields.decimal;
import static com.corpbank.portal.store.DocumentFields.requiredInt;
import static com.corpbank.portal.store.DocumentFields.localDate;
import static com.corpbank.portal.store.DocumentFields.longValue;
import static com.corpbank.portal.store.DocumentFields.string;

/**
 * A {@link FinancialStatement} from its {@code financial_statements} document (the canonical constructor: a component
 * added to the record does not compile until it is read here). A page reads the latest statement of each of its
 * clients; {@code FinancialStatementDocumentReaderTests} holds this to Spring Data's mapping of the same documents.
 */
@Component
@ReadingConverter
public class FinancialStatementDocumentReader implements DocumentReader<FinancialStatement> {

	@Override
	public FinancialStatement convert(Document source) {
		return new FinancialStatement(string(source, "_id"), string(source, "clientId"), string(source, "period"),
				localDate(source, "periodEnd"), string(source, "currency"), decimal(source, "revenue"),
				decimal(source, "netProfit"), decimal(source, "totalAssets"), decimal(source, "totalLiabilities"),
				decimal(source, "currentAssets"), decimal(source, "currentLiabilities"),
				decimal(source, "operatingCashFlow"), decimal(source, "taxPaid"),
				requiredInt(source, "employees"),
				booleanValue(source, "sizeApplied"), longValue(source, "version"));
	}

}
