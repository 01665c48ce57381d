package com.corpbank.portal.client;

import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.store.DocumentReader;
import com.corpbank.portal.tier.AppliedOverride;
import com.corpbank.portal.tier.TierReason;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.stereotype.Component;

import static com.corpbank.portal.store.DocumentFields.decimal;
import static com.corpbank.portal.store.DocumentFields.document;
import static com.corpbank.portal.store.DocumentFields.enumValue;
import static com.corpbank.portal.store.DocumentFields.instant;
import static com.corpbank.portal.store.DocumentFields.integer;
import static com.corpbank.portal.store.DocumentFields.localDate;
import static com.corpbank.portal.store.DocumentFields.longValue;
import static com.corpbank.portal.store.DocumentFields.string;
import static com.corpbank.portal.store.DocumentFields.strings;

/**
 * A {@link Client} from its {@code clients} document, component by component (the canonical constructors, so that a
 * component added to a record does not compile until it is read here too). Every list, page and worklist reads clients
 * by the page-full; {@code ClientDocumentReaderTests} holds this to Spring Data's mapping of the same documents,
 * projected ones included (a field left out is null, as the mapping leaves it).
 */
@Component
@ReadingConverter
public class ClientDocumentReader implements DocumentReader<Client> {

	@Override
	public Client convert(Document source) {
		return new Client(string(source, "_id"), string(source, "name"), string(source, "uscc"),
				industry(document(source, "industry")), string(source, "adminDivision"),
				enumValue(source, "region", Region.class), enumValue(source, "size", EnterpriseSize.class),
				enumValue(source, "lifecycleStage", LifecycleStage.class), valueTier(document(source, "valueTier")),
				risk(document(source, "risk")), string(source, "primaryManager"), strings(source, "coManagers"),
				strings(source, "managerUsernames"), strings(source, "orgUnits"), string(source, "registeredAddress"),
				localDate(source, "foundedOn"), integer(source, "employees"),
				legalRepresentative(document(source, "legalRepresentative")), sizeBasis(document(source, "sizeBasis")),
				localDate(source, "onboardedOn"), followUp(document(source, "followUp")), longValue(source, "version"));
	}

	private static @Nullable Industry industry(@Nullable Document industry) {
		return (industry == null) ? null : new Industry(string(industry, "section"), string(industry, "code"));
	}

	private static @Nullable ValueTier valueTier(@Nullable Document tier) {
		if (tier == null) {
			return null;
		}
		return new ValueTier(enumValue(tier, "tier", ValueTierCode.class), decimal(tier, "score"),
				string(tier, "modelVersion"), localDate(tier, "evaluatedOn"),
				enumValue(tier, "modelTier", ValueTierCode.class), instant(tier, "evaluatedAt"),
				enumValue(tier, "reason", TierReason.class), enumValue(tier, "previousTier", ValueTierCode.class),
				string(tier, "evaluationId"), override(document(tier, "override")), string(tier, "fingerprint"));
	}

	private static @Nullable AppliedOverride override(@Nullable Document override) {
		if (override == null) {
			return null;
		}
		return new AppliedOverride(string(override, "overrideId"), enumValue(override, "tier", ValueTierCode.class),
				localDate(override, "expiresOn"), string(override, "proposedBy"), string(override, "approvedBy"));
	}

	private static @Nullable RiskGrade risk(@Nullable Document risk) {
		if (risk == null) {
			return null;
		}
		return new RiskGrade(enumValue(risk, "rating", CreditRating.class),
				enumValue(risk, "fiveCategory", FiveCategory.class), localDate(risk, "ratedOn"),
				integer(risk, "overdueDays"));
	}

	private static @Nullable LegalRepresentative legalRepresentative(@Nullable Document representative) {
		return (representative == null) ? null
				: new LegalRepresentative(string(representative, "name"), string(representative, "idNumber"));
	}

	private static @Nullable SizeBasis sizeBasis(@Nullable Document basis) {
		return (basis == null) ? null
				: new SizeBasis(string(basis, "category"), string(basis, "rule"), string(basis, "period"));
	}

	private static @Nullable FollowUp followUp(@Nullable Document followUp) {
		if (followUp == null) {
			return null;
		}
		return new FollowUp(localDate(followUp, "dueOn"), string(followUp, "rmUsername"),
				localDate(followUp, "scheduledFrom"), enumValue(followUp, "tier", ValueTierCode.class),
				localDate(followUp, "plannedOn"), string(followUp, "lastInteractionId"));
	}

}
