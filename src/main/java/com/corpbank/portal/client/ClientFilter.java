package com.corpbank.portal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;

/** Conditions on the client list (GraphQL input {@code ClientFilter}); every one given must hold. */
public record ClientFilter(
		@Nullable ValueTierCode tier,
		@Nullable String industrySection,
		@Nullable Region region,
		@Nullable CreditRating rating,
		@Nullable FiveCategory fiveCategory,
		@Nullable EnterpriseSize size,
		@Nullable LifecycleStage lifecycleStage,
		@Nullable String managerUsername,
		@Nullable String nameContains) {

	static final int MAX_NAME_TEXT = 100;

	static final ClientFilter NONE = new ClientFilter(null, null, null, null, null, null, null, null, null);

	/** @return null when the filter sets no condition */
	@Nullable Criteria toCriteria() {
		List<Criteria> conditions = new ArrayList<>();
		if (this.tier != null) {
			conditions.add(Criteria.where("valueTier.tier").is(this.tier));
		}
		if (this.industrySection != null) {
			conditions.add(Criteria.where("industry.section").is(this.industrySection));
		}
		if (this.region != null) {
			conditions.add(Criteria.where("region").is(this.region));
		}
		if (this.rating != null) {
			conditions.add(Criteria.where("risk.rating").is(this.rating));
		}
		if (this.fiveCategory != null) {
			conditions.add(Criteria.where("risk.fiveCategory").is(this.fiveCategory));
		}
		if (this.size != null) {
			conditions.add(Criteria.where("size").is(this.size));
		}
		if (this.lifecycleStage != null) {
			conditions.add(Criteria.where("lifecycleStage").is(this.lifecycleStage));
		}
		if (this.managerUsername != null) {
			conditions.add(Criteria.where("managerUsernames").is(this.managerUsername));
		}
		if (this.nameContains != null && !this.nameContains.isEmpty()) {
			if (this.nameContains.length() > MAX_NAME_TEXT) {
				throw new InvalidArgumentException("filter.nameContains",
						"nameContains is at most " + MAX_NAME_TEXT + " characters.");
			}
			conditions.add(Criteria.where("name").regex(literal(this.nameContains), "i"));
		}
		if (conditions.isEmpty()) {
			return null;
		}
		return conditions.size() == 1 ? conditions.get(0) : new Criteria().andOperator(conditions);
	}

	/**
	 * The text as a regex that matches only itself: every ASCII character that is not a letter or digit is escaped,
	 * which both Java's and MongoDB's (PCRE) regex engines read as the literal character.
	 */
	static String literal(String text) {
		StringBuilder pattern = new StringBuilder(text.length() * 2);
		text.codePoints().forEach(cp -> {
			if (cp < 128 && !Character.isLetterOrDigit(cp)) {
				pattern.append('\\');
			}
			pattern.appendCodePoint(cp);
		});
		// Compiling proves the escape is complete before it goes anywhere near the store.
		Pattern.compile(pattern.toString());
		return pattern.toString();
	}

}
