package com.corpbank.portal.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Conditions on the client list (GraphQL input {@code ClientFilter}); every one given must hold.
 *
 * <p>The record checks its own text when it is made, so every caps and character rule for the filter sits here
 * and nothing unchecked reaches a query. Spring for GraphQL binds the argument through this constructor, and the
 * {@link InvalidArgumentException} it throws reaches the caller as a typed {@code INVALID_ARGUMENT} error.
 */
public record ClientFilter(
		@Nullable ValueTierCode tier,
		@Nullable String industrySection,
		@Nullable Region region,
		@Nullable CreditRating rating,
		@Nullable FiveCategory fiveCategory,
		@Nullable EnterpriseSize size,
		@Nullable LifecycleStage lifecycleStage,
		@Nullable String managerUsername,
		@Nullable String nameContains,
		@Nullable LocalDate followUpDueBefore,
		@Nullable String followUpManager) {

	static final int MAX_NAME_TEXT = 100;

	/** Keycloak usernames of the org directory: short and ASCII (an e-mail address style name fits too). */
	static final int MAX_USERNAME = 64;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]+");

	/** GB/T 4754-2017 sections are the letters A to T (the schema's enum says the same). */
	private static final Pattern INDUSTRY_SECTION = Pattern.compile("[A-T]");

	/** No condition: every client of the caller's scope. */
	public static final ClientFilter NONE = new ClientFilter(null, null, null, null, null, null, null, null, null, null,
			null);

	public ClientFilter {
		if (industrySection != null && !INDUSTRY_SECTION.matcher(industrySection).matches()) {
			throw new InvalidArgumentException("filter.industrySection",
					"industrySection is one GB/T 4754 section letter, A to T.");
		}
		username("filter.followUpManager", "followUpManager", followUpManager);
		if (managerUsername != null) {
			if (managerUsername.length() > MAX_USERNAME) {
				throw new InvalidArgumentException("filter.managerUsername",
						"managerUsername is at most " + MAX_USERNAME + " characters.");
			}
			if (!USERNAME.matcher(managerUsername).matches()) {
				throw new InvalidArgumentException("filter.managerUsername",
						"managerUsername is a username: letters, digits, '.', '_', '-' and '@', 1 to " + MAX_USERNAME
								+ " characters.");
			}
		}
		if (nameContains != null) {
			if (InputText.length(nameContains) > MAX_NAME_TEXT) {
				throw new InvalidArgumentException("filter.nameContains",
						"nameContains is at most " + MAX_NAME_TEXT + " characters.");
			}
			if (!InputText.isPlainText(nameContains)) {
				throw new InvalidArgumentException("filter.nameContains",
						"nameContains may not hold control characters (NUL, line breaks, ...) or broken "
								+ "(unpaired surrogate) text; at most " + MAX_NAME_TEXT + " characters.");
			}
		}
	}

	private static void username(String path, String name, @Nullable String value) {
		if (value != null && (value.length() > MAX_USERNAME || !USERNAME.matcher(value).matches())) {
			throw new InvalidArgumentException(path, name + " is a username: letters, digits, '.', '_', '-' and '@', 1 to "
					+ MAX_USERNAME + " characters.");
		}
	}

	/**
	 * The conditions as criteria on the {@code clients} collection; other reads of the book (the portfolio aggregates,
	 * the migration matrix) put them next to the caller's scope exactly as the list does.
	 * @return null when the filter sets no condition
	 */
	public @Nullable Criteria toCriteria() {
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
		if (this.followUpDueBefore != null) {
			conditions.add(Criteria.where("followUp.dueOn").lt(this.followUpDueBefore));
		}
		if (this.followUpManager != null) {
			conditions.add(Criteria.where("followUp.rmUsername").is(this.followUpManager));
		}
		if (this.nameContains != null && !this.nameContains.isEmpty()) {
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
