package com.corpbank.portal.client;

import java.math.BigDecimal;

import com.corpbank.portal.client.EnterpriseSizeClassifier.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.corpbank.portal.client.EnterpriseSize.LARGE;
import static com.corpbank.portal.client.EnterpriseSize.MEDIUM;
import static com.corpbank.portal.client.EnterpriseSize.MICRO;
import static com.corpbank.portal.client.EnterpriseSize.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnterpriseSizeClassifierTest {

	private final EnterpriseSizeClassifier classifier = new EnterpriseSizeClassifier();

	// Amounts below are in 万元 and converted to yuan, so "one below" is one yuan under the bound.
	private EnterpriseSize size(String section, String division, int employees, String revenueWan, String assetsWan) {
		return this.classifier.classify(new Industry(section, division), employees, yuan(revenueWan),
				yuan(assetsWan));
	}

	private static BigDecimal yuan(String wan) {
		return new BigDecimal(wan).multiply(BigDecimal.valueOf(10_000));
	}

	@Test
	void industryBoundsNeedBothEmployeesAndRevenue() {
		assertThat(size("C", "39", 1000, "40000", "0")).isEqualTo(LARGE);
		assertThat(size("C", "39", 999, "40000", "0")).isEqualTo(MEDIUM);
		assertThat(size("C", "39", 1000, "39999.9999", "0")).isEqualTo(MEDIUM);
		assertThat(size("B", "06", 300, "2000", "0")).isEqualTo(MEDIUM);
		assertThat(size("B", "06", 299, "2000", "0")).isEqualTo(SMALL);
		assertThat(size("D", "44", 300, "1999.9999", "0")).isEqualTo(SMALL);
		assertThat(size("C", "13", 20, "300", "0")).isEqualTo(SMALL);
		assertThat(size("C", "13", 19, "300", "0")).isEqualTo(MICRO);
		assertThat(size("C", "13", 20, "299.9999", "0")).isEqualTo(MICRO);
	}

	@Test
	void failingOneLargeBoundDropsOneTierOrMore() {
		// Many staff, little revenue: large and medium fail on Y, small holds.
		assertThat(size("C", "34", 5000, "1000", "0")).isEqualTo(SMALL);
		// Large revenue, few staff: only the small row holds.
		assertThat(size("C", "34", 50, "100000", "0")).isEqualTo(SMALL);
	}

	@Test
	void constructionUsesRevenueAndAssets() {
		assertThat(size("E", "48", 0, "80000", "80000")).isEqualTo(LARGE);
		assertThat(size("E", "48", 5000, "80000", "79999.9999")).isEqualTo(MEDIUM);
		assertThat(size("E", "47", 0, "6000", "5000")).isEqualTo(MEDIUM);
		assertThat(size("E", "47", 0, "5999.9999", "5000")).isEqualTo(SMALL);
		assertThat(size("E", "50", 0, "300", "300")).isEqualTo(SMALL);
		assertThat(size("E", "50", 0, "300", "299.9999")).isEqualTo(MICRO);
	}

	@Test
	void wholesaleAndRetailHaveTheirOwnRows() {
		assertThat(size("F", "51", 200, "40000", "0")).isEqualTo(LARGE);
		assertThat(size("F", "51", 199, "40000", "0")).isEqualTo(MEDIUM);
		assertThat(size("F", "51", 5, "1000", "0")).isEqualTo(SMALL);
		assertThat(size("F", "51", 4, "1000", "0")).isEqualTo(MICRO);
		assertThat(size("F", "52", 300, "20000", "0")).isEqualTo(LARGE);
		assertThat(size("F", "52", 50, "500", "0")).isEqualTo(MEDIUM);
		assertThat(size("F", "52", 49, "500", "0")).isEqualTo(SMALL);
		assertThat(size("F", "52", 10, "99.9999", "0")).isEqualTo(MICRO);
	}

	@Test
	void transportWarehousingAndPostalDiffer() {
		// Same figures, three rows of the table.
		assertThat(size("G", "54", 300, "3000", "0")).isEqualTo(MEDIUM);
		assertThat(size("G", "59", 300, "3000", "0")).isEqualTo(MEDIUM);
		assertThat(size("G", "60", 300, "3000", "0")).isEqualTo(MEDIUM);
		assertThat(size("G", "58", 20, "199.9999", "0")).isEqualTo(MICRO);
		assertThat(size("G", "59", 20, "100", "0")).isEqualTo(SMALL);
		assertThat(size("G", "60", 20, "100", "0")).isEqualTo(SMALL);
		assertThat(size("G", "59", 200, "30000", "0")).isEqualTo(LARGE);
		assertThat(size("G", "54", 200, "30000", "0")).isEqualTo(SMALL);
		assertThat(size("G", "60", 999, "30000", "0")).isEqualTo(MEDIUM);
	}

	@Test
	void informationServicesSplitTelecomAndSoftware() {
		assertThat(size("I", "64", 2000, "100000", "0")).isEqualTo(LARGE);
		assertThat(size("I", "63", 1999, "100000", "0")).isEqualTo(MEDIUM);
		assertThat(size("I", "65", 300, "10000", "0")).isEqualTo(LARGE);
		assertThat(size("I", "65", 10, "50", "0")).isEqualTo(SMALL);
		assertThat(size("I", "65", 10, "49.9999", "0")).isEqualTo(MICRO);
		assertThat(size("I", "64", 10, "50", "0")).isEqualTo(MICRO);
	}

	@Test
	void realEstateLeasingAgricultureAndOther() {
		assertThat(size("K", "70", 0, "200000", "10000")).isEqualTo(LARGE);
		assertThat(size("K", "70", 0, "199999.9999", "10000")).isEqualTo(MEDIUM);
		assertThat(size("K", "70", 0, "100", "2000")).isEqualTo(SMALL);
		assertThat(size("K", "70", 0, "100", "1999.9999")).isEqualTo(MICRO);
		assertThat(size("L", "71", 300, "0", "120000")).isEqualTo(LARGE);
		assertThat(size("L", "72", 300, "0", "119999.9999")).isEqualTo(MEDIUM);
		assertThat(size("L", "72", 9, "0", "120000")).isEqualTo(MICRO);
		assertThat(size("A", "01", 0, "20000", "0")).isEqualTo(LARGE);
		assertThat(size("A", "03", 0, "49.9999", "0")).isEqualTo(MICRO);
		assertThat(size("A", "05", 0, "50", "0")).isEqualTo(SMALL);
		assertThat(size("M", "73", 300, "0", "0")).isEqualTo(LARGE);
		assertThat(size("Q", "84", 100, "0", "0")).isEqualTo(MEDIUM);
		assertThat(size("J", "69", 99, "1000000", "1000000")).isEqualTo(SMALL);
		assertThat(size("O", "80", 9, "0", "0")).isEqualTo(MICRO);
	}

	@Test
	void accommodationAndCatering() {
		assertThat(size("H", "61", 300, "10000", "0")).isEqualTo(LARGE);
		assertThat(size("H", "62", 100, "2000", "0")).isEqualTo(MEDIUM);
		assertThat(size("H", "62", 100, "1999.9999", "0")).isEqualTo(SMALL);
		assertThat(size("H", "62", 9, "5000", "0")).isEqualTo(MICRO);
	}

	@Test
	void propertyManagementRowIsThereForCallersKnowingTheClass() {
		assertThat(this.classifier.classify(Category.PROPERTY_MANAGEMENT, 1000, yuan("5000"), BigDecimal.ZERO))
			.isEqualTo(LARGE);
		assertThat(this.classifier.classify(Category.PROPERTY_MANAGEMENT, 100, yuan("499.9999"), BigDecimal.ZERO))
			.isEqualTo(MICRO);
	}

	@ParameterizedTest
	@CsvSource({ "01, AGRICULTURE", "05, AGRICULTURE", "06, INDUSTRY", "43, INDUSTRY", "46, INDUSTRY",
			"47, CONSTRUCTION", "50, CONSTRUCTION", "51, WHOLESALE", "52, RETAIL", "53, TRANSPORT", "58, TRANSPORT",
			"59, WAREHOUSING", "60, POSTAL", "61, ACCOMMODATION_CATERING", "62, ACCOMMODATION_CATERING",
			"63, TELECOM_INTERNET", "64, TELECOM_INTERNET", "65, SOFTWARE_IT", "66, OTHER", "69, OTHER",
			"70, REAL_ESTATE_DEVELOPMENT", "71, LEASING_BUSINESS", "72, LEASING_BUSINESS", "73, OTHER", "97, OTHER" })
	void divisionsMapToTableCategories(String division, Category expected) {
		assertThat(EnterpriseSizeClassifier.categoryOf(new Industry("?", division))).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "00", "98", "7", "C", "" })
	void unknownDivisionIsRejected(String division) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.classifier.classify(new Industry("C", division), 1, BigDecimal.ONE, BigDecimal.ONE));
	}

	@Test
	void decisionNamesTheCategoryAndTheRowThatMatched() {
		EnterpriseSizeClassifier.Decision medium = this.classifier.decide(new Industry("C", "39"), 999, yuan("40000"),
				yuan("0"));
		assertThat(medium.size()).isEqualTo(MEDIUM);
		assertThat(medium.category()).isEqualTo(Category.INDUSTRY);
		assertThat(medium.rule()).isEqualTo("medium: X>=300 & Y>=2000");
		assertThat(this.classifier.decide(new Industry("E", "48"), 0, yuan("80000"), yuan("80000")).rule())
			.isEqualTo("large: Y>=80000 & Z>=80000");
		assertThat(this.classifier.decide(new Industry("L", "72"), 10, yuan("0"), yuan("100")).rule())
			.isEqualTo("small: X>=10 & Z>=100");
	}

	@Test
	void microDecisionNamesTheSmallRowItMissed() {
		EnterpriseSizeClassifier.Decision micro = this.classifier.decide(new Industry("C", "13"), 19, yuan("300"),
				yuan("0"));
		assertThat(micro.size()).isEqualTo(MICRO);
		assertThat(micro.rule()).isEqualTo("micro: X<20 or Y<300");
		assertThat(this.classifier.decide(new Industry("A", "01"), 500, yuan("49.99"), yuan("0")).rule())
			.isEqualTo("micro: Y<50");
	}

	@Test
	void classifyAgreesWithDecide() {
		assertThat(size("C", "34", 5000, "1000", "0"))
			.isEqualTo(this.classifier.decide(new Industry("C", "34"), 5000, yuan("1000"), yuan("0")).size());
	}

}
