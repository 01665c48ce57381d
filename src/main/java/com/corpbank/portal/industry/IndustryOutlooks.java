package com.corpbank.portal.industry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.industry.IndustryOutlook.Competition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The outlook of every GB/T 4754 section (growth, competition, points), read once at start from versioned reference
 * data on the classpath ({@value #DEFAULT_LOCATION}); the figures are illustrative for the demo (the file says so).
 * A table that misses a section of the {@link IndustryCatalog} fails the start, so a section can never score by
 * accident.
 */
@Component
public class IndustryOutlooks {

	public static final String DEFAULT_LOCATION = "reference/industry-outlook.csv";

	private final Map<String, IndustryOutlook> bySection;

	/** The table from {@value #DEFAULT_LOCATION}, checked against the catalog's sections. */
	@Autowired
	public IndustryOutlooks(IndustryCatalog catalog) {
		this(new ClassPathResource(DEFAULT_LOCATION, IndustryOutlooks.class.getClassLoader()), catalog);
	}

	/**
	 * @param resource CSV lines {@code section,growth,competition,points}; {@code #} comments, blank lines and the
	 * header are skipped
	 * @throws IllegalStateException for a malformed row, a duplicate or unknown section, or a missing one
	 */
	public IndustryOutlooks(Resource resource, IndustryCatalog catalog) {
		Map<String, IndustryOutlook> outlooks = new LinkedHashMap<>();
		try (InputStream in = resource.getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int lineNumber = 0;
			while ((line = reader.readLine()) != null) {
				lineNumber++;
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#") || line.startsWith("section,")) {
					continue;
				}
				IndustryOutlook outlook = parse(resource, lineNumber, line.split(",", -1));
				if (catalog.section(outlook.section()).isEmpty()) {
					throw invalid(resource, lineNumber, "no such section " + outlook.section());
				}
				if (outlooks.putIfAbsent(outlook.section(), outlook) != null) {
					throw invalid(resource, lineNumber, "duplicate section " + outlook.section());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
		List<String> missing = new ArrayList<>();
		for (IndustryCatalog.Section section : catalog.sections()) {
			if (!outlooks.containsKey(section.letter())) {
				missing.add(section.letter());
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException(resource + " has no outlook for sections " + missing);
		}
		this.bySection = Map.copyOf(outlooks);
	}

	/**
	 * @param sectionCode a section letter of the catalog, e.g. C
	 * @throws IllegalArgumentException for a letter that is not a section
	 */
	public IndustryOutlook of(String sectionCode) {
		IndustryOutlook outlook = this.bySection.get(sectionCode);
		if (outlook == null) {
			throw new IllegalArgumentException("no GB/T 4754 section " + sectionCode);
		}
		return outlook;
	}

	/** Every section's outlook, by section letter. */
	public Map<String, IndustryOutlook> all() {
		return this.bySection;
	}

	private static IndustryOutlook parse(Resource resource, int lineNumber, String[] cells) {
		if (cells.length != 4) {
			throw invalid(resource, lineNumber, "expected 4 columns");
		}
		try {
			BigDecimal growth = new BigDecimal(cells[1].strip());
			Competition competition = Competition.valueOf(cells[2].strip());
			int points = Integer.parseInt(cells[3].strip());
			if (points < 0 || points > 100 || growth.abs().compareTo(BigDecimal.ONE) > 0) {
				throw invalid(resource, lineNumber, "points are 0..100 and growth a share within ±1");
			}
			return new IndustryOutlook(cells[0].strip(), growth, competition, points);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(resource, lineNumber, "bad number or competition");
		}
	}

	private static IllegalStateException invalid(Resource resource, int lineNumber, String problem) {
		return new IllegalStateException(resource + " line " + lineNumber + ": " + problem);
	}

}
