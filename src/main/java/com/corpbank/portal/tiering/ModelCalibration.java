package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.corpbank.portal.client.ClientIdChunks;
import com.corpbank.portal.industry.IndustryOutlooks;
import com.corpbank.portal.tier.BookCalibration;
import com.corpbank.portal.tier.InputValue;
import com.corpbank.portal.tier.Normalisation;
import com.corpbank.portal.tier.NormalisationMethod;
import com.corpbank.portal.tier.ScoringFactor;
import com.corpbank.portal.tier.ScoringInput;
import com.corpbank.portal.tier.TierModel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Calibrates a model on the book when it is activated: reads every client's inputs in chunks (as the batch does) and
 * takes, for each input a MIN_MAX or PERCENTILE factor reads, the book's minimum, maximum and 0th..100th percentiles
 * (nearest rank). It keeps one decimal per client per calibrated input until it has sorted them: about 1 MB per
 * 10,000 clients and input, at activation only; the batch job itself stays flat in memory.
 */
@Component
class ModelCalibration implements BookCalibration {

	private static final int CHUNK = 1000;

	private final ClientIdChunks clientIds;

	private final ChunkReader reader;

	private final IndustryOutlooks outlooks;

	private final TieringProperties properties;

	ModelCalibration(ClientIdChunks clientIds, ChunkReader reader, IndustryOutlooks outlooks,
			TieringProperties properties) {
		this.clientIds = clientIds;
		this.properties = properties;
		this.reader = reader;
		this.outlooks = outlooks;
	}

	@Override
	public TierModel calibrate(TierModel draft, LocalDate activatedOn) {
		// portal.tiering.as-of pins every evaluation date of a fixed book (demos, tests), calibration included.
		LocalDate asOf = (this.properties.asOf() != null) ? this.properties.asOf() : activatedOn;
		Map<ScoringInput, List<BigDecimal>> values = new EnumMap<>(ScoringInput.class);
		for (ScoringFactor factor : draft.factors()) {
			if (needsBook(factor.normalisation().method())) {
				values.put(factor.input(), new ArrayList<>());
			}
		}
		if (!values.isEmpty()) {
			collect(draft, asOf, values);
			values.values().forEach(list -> list.sort(BigDecimal::compareTo));
		}
		List<ScoringFactor> factors = draft.factors().stream().map(factor -> {
			Normalisation normalisation = factor.normalisation();
			if (!needsBook(normalisation.method())) {
				return factor;
			}
			List<BigDecimal> sorted = values.get(factor.input());
			Normalisation calibrated = sorted.isEmpty() ? normalisation
					: new Normalisation(normalisation.method(), normalisation.bands(), sorted.get(0),
							sorted.get(sorted.size() - 1),
							(normalisation.method() == NormalisationMethod.PERCENTILE) ? percentiles(sorted) : List.of(),
							normalisation.categories(), normalisation.higherIsBetter(), normalisation.missingPoints());
			return new ScoringFactor(factor.key(), factor.input(), calibrated, factor.weight(), factor.description());
		}).toList();
		return new TierModel(draft.id(), draft.description(), draft.status(), draft.effectiveFrom(), factors,
				draft.thresholds(), draft.clv(), draft.createdBy(), draft.createdAt(), draft.activatedBy(),
				draft.activatedAt(), draft.version());
	}

	private void collect(TierModel draft, LocalDate asOf, Map<ScoringInput, List<BigDecimal>> values) {
		Function<String, @Nullable BigDecimal> outlookPoints = TierEvaluations.outlookPoints(this.outlooks);
		try (ClientIdChunks.Walk walk = this.clientIds.after(null, CHUNK)) {
			for (List<String> chunk = walk.next(); !chunk.isEmpty(); chunk = walk.next()) {
				for (ClientData client : this.reader.read(chunk, asOf)) {
					Map<ScoringInput, InputValue> inputs = TierInputs.of(client, draft.clv(), asOf, outlookPoints)
						.values();
					values.forEach((input, list) -> {
						InputValue value = inputs.get(input);
						if (value != null && value.number() != null) {
							list.add(value.number());
						}
					});
				}
			}
		}
	}

	/** The 0th..100th percentiles by nearest rank: the k-th is the value at rank ceil(k/100 x n), at least the first. */
	static List<BigDecimal> percentiles(List<BigDecimal> sorted) {
		List<BigDecimal> cuts = new ArrayList<>(101);
		int n = sorted.size();
		for (int k = 0; k <= 100; k++) {
			int rank = (int) Math.ceil(k * (double) n / 100);
			cuts.add(sorted.get(Math.max(0, rank - 1)));
		}
		return cuts;
	}

	private static boolean needsBook(NormalisationMethod method) {
		return method == NormalisationMethod.MIN_MAX || method == NormalisationMethod.PERCENTILE;
	}

}
