package com.corpbank.portal.industry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.corpbank.portal.industry.IndustryOutlook.Competition;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IndustryOutlooksTest {

	private static final IndustryCatalog catalog = new IndustryCatalog();

	private final IndustryOutlooks outlooks = new IndustryOutlooks(catalog);

	@Test
	void everySectionAToTHasAnOutlookWithinItsRanges() {
		assertThat(catalog.sections()).hasSize(20);
		for (char letter = 'A'; letter <= 'T'; letter++) {
			IndustryOutlook outlook = this.outlooks.of(String.valueOf(letter));
			assertThat(outlook.section()).isEqualTo(String.valueOf(letter));
			assertThat(outlook.points()).isBetween(0, 100);
			assertThat(outlook.growth().abs()).isLessThanOrEqualTo(BigDecimal.ONE);
		}
		assertThat(this.outlooks.all()).hasSize(20);
	}

	@Test
	void rowsAreReadAsWritten() {
		assertThat(this.outlooks.of("I"))
			.isEqualTo(new IndustryOutlook("I", new BigDecimal("0.090"), Competition.HIGH, 85));
	}

	@Test
	void anUnknownSectionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.outlooks.of("Z"));
	}

	@Test
	void theFileSaysItsVersionAndThatItsFiguresAreIllustrative() throws Exception {
		String text = new String(new org.springframework.core.io.ClassPathResource(IndustryOutlooks.DEFAULT_LOCATION)
			.getInputStream()
			.readAllBytes(), StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst()).hasValueSatisfying(first -> assertThat(first).startsWith("#")
			.contains("version"));
		assertThat(text).contains("ILLUSTRATIVE");
	}

	@Test
	void aTableMissingASectionFailsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new IndustryOutlooks(csv("A,0.03,LOW,40"), catalog))
			.withMessageContaining("no outlook for sections");
	}

	@Test
	void malformedRowsFailTheStart() {
		for (String row : java.util.List.of("A,0.03,LOW", "A,abc,LOW,40", "A,0.03,NONE,40", "A,0.03,LOW,101",
				"Z,0.03,LOW,40", "A,2,LOW,40")) {
			assertThatIllegalStateException().as(row).isThrownBy(() -> new IndustryOutlooks(csv(row), catalog));
		}
	}

	private static ByteArrayResource csv(String rows) {
		return new ByteArrayResource(("# test\nsection,growth,competition,points\n" + rows + "\n")
			.getBytes(StandardCharsets.UTF_8));
	}

}
