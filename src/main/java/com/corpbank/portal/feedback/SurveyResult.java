package com.corpbank.portal.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A satisfaction survey result 满意度调查结果, as stored (collection {@code surveys}).
 *
 * @param id "SV-" and a UUID
 * @param score within the scale's range
 * @param respondedOn the Beijing date the client answered; not in the future
 * @param respondedMonth {@code respondedOn}'s month ("2026-11"), stored so that trends group by it in the store
 * @param npsBand for NPS answers, the band of the score; null on the five-point scale
 * @param rmUsername the client's primary RM when the result was recorded: the per-RM trend counts it for them
 * @param recordedBy username of the RM who recorded it
 */
@Document("surveys")
public record SurveyResult(@Id String id, String clientId, SurveyScale scale, int score, @Nullable String comments,
		SurveyChannel channel, LocalDate respondedOn, String respondedMonth, @Nullable NpsBand npsBand,
		String rmUsername, String recordedBy, Instant recordedAt, long version) {

	/**
	 * A new answer (version 0) with its derived fields: {@code respondedMonth} from {@code respondedOn} and, for NPS,
	 * the score's band. The one way answers are built, by {@link SurveyRecording} and by the demo seed alike, so that
	 * the trends group every stored answer the same way.
	 */
	public static SurveyResult answered(String id, String clientId, SurveyScale scale, int score,
			@Nullable String comments, SurveyChannel channel, LocalDate respondedOn, String rmUsername,
			String recordedBy, Instant recordedAt) {
		return new SurveyResult(id, clientId, scale, score, comments, channel, respondedOn,
				YearMonth.from(respondedOn).toString(), (scale == SurveyScale.NPS) ? NpsBand.of(score) : null,
				rmUsername, recordedBy, recordedAt, 0L);
	}

}
