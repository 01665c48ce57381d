package com.corpbank.portal.industry;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.corpbank.portal.industry.IndustryCatalog.Division;
import com.corpbank.portal.industry.IndustryCatalog.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IndustryCatalogTest {

	private final IndustryCatalog catalog = new IndustryCatalog();

	// Division ranges per section, as listed in shared/domain.md.
	private static final Map<String, int[]> RANGES = Map.ofEntries(Map.entry("A", new int[] { 1, 5 }),
			Map.entry("B", new int[] { 6, 12 }), Map.entry("C", new int[] { 13, 43 }),
			Map.entry("D", new int[] { 44, 46 }), Map.entry("E", new int[] { 47, 50 }),
			Map.entry("F", new int[] { 51, 52 }), Map.entry("G", new int[] { 53, 60 }),
			Map.entry("H", new int[] { 61, 62 }), Map.entry("I", new int[] { 63, 65 }),
			Map.entry("J", new int[] { 66, 69 }), Map.entry("K", new int[] { 70, 70 }),
			Map.entry("L", new int[] { 71, 72 }), Map.entry("M", new int[] { 73, 75 }),
			Map.entry("N", new int[] { 76, 79 }), Map.entry("O", new int[] { 80, 82 }),
			Map.entry("P", new int[] { 83, 83 }), Map.entry("Q", new int[] { 84, 85 }),
			Map.entry("R", new int[] { 86, 90 }), Map.entry("S", new int[] { 91, 96 }),
			Map.entry("T", new int[] { 97, 97 }));

	@Test
	void hasTwentySectionsInOrder() {
		assertThat(this.catalog.sections()).hasSize(20);
		assertThat(this.catalog.sections()).extracting(Section::letter)
			.containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R",
					"S", "T");
	}

	@Test
	void hasNinetySevenDivisionsNumberedOneToNinetySeven() {
		assertThat(this.catalog.divisions()).hasSize(97);
		for (int i = 0; i < 97; i++) {
			assertThat(this.catalog.divisions().get(i).code()).isEqualTo("%02d".formatted(i + 1));
		}
	}

	@Test
	void everyDivisionLiesInItsSectionsRange() {
		assertThat(RANGES).hasSize(20);
		for (Division division : this.catalog.divisions()) {
			int[] range = RANGES.get(division.sectionLetter());
			assertThat(Integer.parseInt(division.code())).as(division.toString()).isBetween(range[0], range[1]);
		}
		for (Section section : this.catalog.sections()) {
			int[] range = RANGES.get(section.letter());
			assertThat(this.catalog.divisions(section.letter())).hasSize(range[1] - range[0] + 1);
		}
	}

	@ParameterizedTest
	@CsvSource({ "39, 计算机、通信和其他电子设备制造业, C", "65, 软件和信息技术服务业, I", "70, 房地产业, K", "01, 农业, A",
			"51, 批发业, F", "58, 多式联运和运输代理业, G", "59, 装卸搬运和仓储业, G", "97, 国际组织, T" })
	void knownDivisionNames(String code, String name, String section) {
		assertThat(this.catalog.division(code)).contains(new Division(code, name, section));
	}

	@ParameterizedTest
	@CsvSource({ "A, 农、林、牧、渔业", "C, 制造业", "D, 电力、热力、燃气及水生产和供应业", "I, 信息传输、软件和信息技术服务业",
			"S, 公共管理、社会保障和社会组织" })
	void knownSectionNames(String letter, String name) {
		assertThat(this.catalog.section(letter)).contains(new Section(letter, name));
	}

	@Test
	void unknownCodesAreEmpty() {
		assertThat(this.catalog.section("U")).isEmpty();
		assertThat(this.catalog.section(null)).isEmpty();
		assertThat(this.catalog.division("98")).isEmpty();
		assertThat(this.catalog.division("3")).isEmpty();
		assertThat(this.catalog.division(null)).isEmpty();
		assertThat(this.catalog.divisions("U")).isEmpty();
	}

	@Test
	void inconsistentDataIsRejected() {
		assertThatIllegalStateException().isThrownBy(() -> load("division,01,农业,A\n"));
		assertThatIllegalStateException().isThrownBy(() -> load("section,A,农、林、牧、渔业,\nsection,A,again,\n"));
		assertThatIllegalStateException()
			.isThrownBy(() -> load("section,A,农、林、牧、渔业,\ndivision,01,农业,A\ndivision,01,again,A\n"));
		assertThatIllegalStateException().isThrownBy(() -> load("section,A,农、林、牧、渔业\n"));
	}

	@Test
	void loadsFromAnyResource() {
		IndustryCatalog small = load("# comment\nkind,code,name,section\n\nsection,K,房地产业,\ndivision,70,房地产业,K\n");
		assertThat(small.sections()).containsExactly(new Section("K", "房地产业"));
		assertThat(small.divisions()).containsExactly(new Division("70", "房地产业", "K"));
	}

	private static IndustryCatalog load(String csv) {
		return new IndustryCatalog(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)));
	}

}
