package com.corpbank.portal.industry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Sections 门类 and divisions 大类 of the industrial classification GB/T 4754-2017, read once from versioned
 * reference data on the classpath ({@value #DEFAULT_LOCATION}) rather than coded, so a new edition of the
 * standard is a data change.
 */
@Component
public class IndustryCatalog {

	public static final String DEFAULT_LOCATION = "reference/gbt4754-2017.csv";

	/** The standard the loaded data follows. */
	public static final String STANDARD = "GB/T 4754-2017";

	/** A section 门类, e.g. {@code C 制造业}. */
	public record Section(String letter, String name) {
	}

	/** A division 大类, e.g. {@code 39 计算机、通信和其他电子设备制造业} in section C. */
	public record Division(String code, String name, String sectionLetter) {
	}

	private final Map<String, Section> sections;

	private final Map<String, Division> divisions;

	private final List<Section> sectionList;

	private final List<Division> divisionList;

	/** The catalog from {@value #DEFAULT_LOCATION}; also what plain tests use. */
	public IndustryCatalog() {
		this(new ClassPathResource(DEFAULT_LOCATION, IndustryCatalog.class.getClassLoader()));
	}

	/**
	 * @param resource CSV lines {@code kind,code,name,section}; {@code #} comments, blank lines and the header are
	 * skipped
	 * @throws IllegalStateException if the data is inconsistent (duplicate codes, a division without its section)
	 */
	public IndustryCatalog(Resource resource) {
		Map<String, Section> sectionsByLetter = new LinkedHashMap<>();
		Map<String, Division> divisionsByCode = new LinkedHashMap<>();
		try (InputStream in = resource.getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int lineNumber = 0;
			while ((line = reader.readLine()) != null) {
				lineNumber++;
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#") || line.startsWith("kind,")) {
					continue;
				}
				String[] cells = line.split(",", -1);
				if (cells.length != 4) {
					throw invalid(resource, lineNumber, "expected 4 columns");
				}
				switch (cells[0]) {
					case "section" -> {
						if (!cells[1].matches("[A-Z]") || sectionsByLetter.putIfAbsent(cells[1],
								new Section(cells[1], cells[2])) != null) {
							throw invalid(resource, lineNumber, "bad or duplicate section " + cells[1]);
						}
					}
					case "division" -> {
						if (!sectionsByLetter.containsKey(cells[3])) {
							throw invalid(resource, lineNumber, "division before or without its section " + cells[3]);
						}
						if (!cells[1].matches("\\d{2}") || divisionsByCode.putIfAbsent(cells[1],
								new Division(cells[1], cells[2], cells[3])) != null) {
							throw invalid(resource, lineNumber, "bad or duplicate division " + cells[1]);
						}
					}
					default -> throw invalid(resource, lineNumber, "unknown kind " + cells[0]);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read industry catalog " + resource, ex);
		}
		this.sections = Map.copyOf(sectionsByLetter);
		this.divisions = Map.copyOf(divisionsByCode);
		this.sectionList = List.copyOf(sectionsByLetter.values());
		this.divisionList = List.copyOf(divisionsByCode.values());
	}

	/** @param letter section letter, e.g. {@code "C"} */
	public Optional<Section> section(@Nullable String letter) {
		return Optional.ofNullable((letter != null) ? this.sections.get(letter) : null);
	}

	/** @param code two-digit division code, e.g. {@code "39"} */
	public Optional<Division> division(@Nullable String code) {
		return Optional.ofNullable((code != null) ? this.divisions.get(code) : null);
	}

	/** All sections in the standard's order (A..T). */
	public List<Section> sections() {
		return this.sectionList;
	}

	/** All divisions in code order. */
	public List<Division> divisions() {
		return this.divisionList;
	}

	/** The divisions of one section in code order; empty for an unknown letter. */
	public List<Division> divisions(String sectionLetter) {
		List<Division> result = new ArrayList<>();
		for (Division division : this.divisionList) {
			if (division.sectionLetter().equals(sectionLetter)) {
				result.add(division);
			}
		}
		return List.copyOf(result);
	}

	private static IllegalStateException invalid(Resource resource, int lineNumber, String problem) {
		return new IllegalStateException(resource + " line " + lineNumber + ": " + problem);
	}

}
