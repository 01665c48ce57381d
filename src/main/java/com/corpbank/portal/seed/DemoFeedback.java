package com.corpbank.portal.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.feedback.Complaint;
import com.corpbank.portal.feedback.ComplaintAction;
import com.corpbank.portal.feedback.ComplaintCategory;
import com.corpbank.portal.feedback.ComplaintSeverity;
import com.corpbank.portal.feedback.ComplaintStatus;
import com.corpbank.portal.feedback.ComplaintTransition;
import com.corpbank.portal.feedback.SurveyChannel;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.feedback.SurveyScale;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.seed.RelationshipHistory.ChurnSignal;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * The feedback of one demo client: satisfaction surveys 满意度调查 and complaints 投诉.
 * <ul>
 * <li>Surveys: in the year up to the demo's as-of date ({@link #WINDOW_FROM} exclusive, {@link RelationshipHistory#AS_OF})
 * for a share of the clients by seeded tier ({@link #SURVEYED}: A most, C fewest; prospects none), each on its own
 * day, five-point or NPS, by phone, at a visit, online..., now and then with a short comment; counted for the primary
 * RM and recorded by one of the client's RMs. Built by {@link SurveyResult#answered}, the service's own path, so they
 * carry the derived {@code respondedMonth} and {@code npsBand} the trends group by. The clients shaped for
 * LOW_SATISFACTION give their newest answer in the weeks before the as-of date, at or below the default threshold
 * (five-point 2, NPS 6); every other client's newest answer within the signal's default window ({@link #LOW_WINDOW})
 * is above it (a client with another churn pattern only just: five-point 3-4, NPS 7-8). Older answers are mostly
 * satisfied, those of clients with a churn pattern more mixed.</li>
 * <li>Complaints: those behind the feed's monthly {@code openComplaints} (a complaint raised in the month the count
 * rises, resolved, oldest first, in the month it falls, then mostly closed), so the portal agrees with the feed at
 * every month end; and for a share of the clients complaints raised and resolved within one month of the year, a few
 * reopened and resolved again. The complaints still open at the as-of date are exactly the latest month's count of
 * the clients shaped for OPEN_COMPLAINTS (the oldest IN_PROGRESS, the others OPEN), all past their SLA; no other
 * client has one open. Every step is one {@link ComplaintAction} allowed from the status it leaves, the raising
 * first, each by the assignee (the primary RM), with the version the service would have counted. SLAs are
 * {@code raisedAt} plus the severity's configured SLA.</li>
 * </ul>
 * Every draw comes from the given {@link Random}, in a fixed order; nothing reads the clock.
 */
final class DemoFeedback {

	/** Answers and the complaints raised and resolved within a month fall in the year after this day. */
	static final LocalDate WINDOW_FROM = RelationshipHistory.AS_OF.minusMonths(12);

	/** The default LOW_SATISFACTION window ({@code portal.churn.low-satisfaction.window}) the answers are shaped for. */
	static final Period LOW_WINDOW = Period.ofMonths(6);

	/** The default highest scores that fire LOW_SATISFACTION: five-point and NPS. */
	static final int FIVE_POINT_LOW = 2;

	static final int NPS_LOW = 6;

	/** The share of the clients of each seeded tier with survey answers in the year. */
	static final Map<ValueTierCode, Double> SURVEYED = Map.of(ValueTierCode.A, 0.85, ValueTierCode.B, 0.55,
			ValueTierCode.C, 0.30);

	private enum Mood {

		LOW, MIDDLING, SATISFIED

	}

	private static final Map<Mood, List<String>> COMMENTS = Map.of(Mood.SATISFIED, List.of(
			"客户经理响应及时，服务专业 / Our RM responds fast and knows the business",
			"结算效率高，网银使用方便 / Fast settlement, online banking easy to use",
			"授信审批比预期快 / Credit approval quicker than expected",
			"对现金管理方案很满意 / Very happy with the cash-management set-up"),
			Mood.MIDDLING, List.of(
			"整体尚可，希望手续费更透明 / Fine overall; fees could be clearer",
			"服务不错，但审批材料较多 / Good service, but a lot of paperwork",
			"希望客户经理多来走访 / Would like more visits from our RM"),
			Mood.LOW, List.of(
			"投诉处理太慢，多次催办无果 / Complaint handling too slow, chasers ignored",
			"手续费上调未提前通知 / Fees went up without notice",
			"贷款续期拖延，影响资金周转 / Loan renewal delayed, hurting our cash flow",
			"考虑将结算业务转至他行 / Considering moving settlement to another bank"));

	/** One complaint's wording: the summary and its resolution. */
	private record Line(String summary, String resolution) {
	}

	private static final Map<ComplaintCategory, List<Line>> LINES = Map.of(ComplaintCategory.SERVICE_QUALITY, List.of(
			new Line("柜台办理排队时间过长，财务人员不满 / Long queues at the counter; the finance staff are unhappy",
					"开通对公预约通道并致歉 / Priority booking set up for the client, apology given"),
			new Line("客服热线多次转接未解决问题 / Hotline passed the client around without an answer",
					"指定专人对接并回电解释 / A named contact assigned; called back with the answer")),
			ComplaintCategory.FEES_AND_CHARGES, List.of(
			new Line("对账户管理费和跨行转账手续费有异议 / Disputes account fees and interbank transfer charges",
					"核实后退还多收费用 / Overcharge verified and refunded"),
			new Line("汇款手续费高于协议价 / Remittance fee above the agreed price",
					"按协议价调整并补退差额 / Agreed price applied, difference refunded")),
			ComplaintCategory.PRODUCT, List.of(
			new Line("网银批量代发工资多次失败 / Online-banking bulk payroll failed several times",
					"修复批量文件校验问题，协助重新代发 / Batch file check fixed, payroll re-run with the client"),
			new Line("票据池额度显示不准确 / Bill-pool limit shown wrongly",
					"系统数据已更正，出具说明 / Limit data corrected, explanation sent")),
			ComplaintCategory.PROCESSING_DELAY, List.of(
			new Line("授信续期审批超过承诺时限 / Credit renewal approval past the promised date",
					"加急审批并说明进度安排 / Approval expedited, timeline explained"),
			new Line("开立信用证耗时过长 / Letter of credit took too long to issue",
					"优化单证流程，已出证 / Documentation streamlined, L/C issued")),
			ComplaintCategory.STAFF_CONDUCT, List.of(
			new Line("反映网点员工态度生硬 / Says branch staff were curt",
					"约谈相关员工并向客户致歉 / Staff member spoken to, apology made"),
			new Line("客户经理未按约定时间回访 / RM missed an agreed follow-up",
					"主管陪同上门致歉并重新约定 / Visit with the team lead to apologise, new date agreed")),
			ComplaintCategory.OTHER, List.of(
			new Line("对账单寄送地址多次申请仍未更新 / Statement address not updated despite requests",
					"地址已更新并补寄对账单 / Address updated, statements re-sent"),
			new Line("停车场收费标准不清 / Unclear car-park charges at the branch",
					"公示收费标准，对客户免收 / Charges posted; waived for the client")));

	private static final List<String> REOPEN_REASONS = List.of(
			"客户反映问题再次出现 / The client says the problem is back",
			"退款未到账 / The refund has not arrived");

	/** One client's feedback. */
	record Result(List<SurveyResult> surveys, List<Complaint> complaints) {

		Result {
			surveys = List.copyOf(surveys);
			complaints = List.copyOf(complaints);
		}

	}

	private DemoFeedback() {
	}

	/**
	 * @param months the client's monthly figures, oldest first (their {@code openComplaints} drive the complaints)
	 * @param sla the SLA of each severity
	 */
	static Result of(Random random, Client client, List<RelationshipMetrics> months, Set<ChurnSignal> churn,
			Map<ComplaintSeverity, Duration> sla) {
		ValueTierCode tier = (client.valueTier() != null) ? client.valueTier().tier() : ValueTierCode.C;
		List<SurveyResult> surveys = surveys(random, client, tier, churn);
		List<Complaint> complaints = complaints(random, client, tier, months, churn, sla);
		return new Result(surveys, complaints);
	}

	// ---- Surveys ------------------------------------------------------------------------------------------------

	private static List<SurveyResult> surveys(Random random, Client client, ValueTierCode tier, Set<ChurnSignal> churn) {
		boolean low = churn.contains(ChurnSignal.LOW_SATISFACTION);
		boolean uneasy = !churn.isEmpty();
		boolean surveyed = random.nextDouble() < SURVEYED.get(tier);
		if (!low && (!surveyed || client.lifecycleStage() == LifecycleStage.PROSPECT)) {
			return List.of();
		}
		int count = switch (tier) {
			case A -> 2 + random.nextInt(3);
			case B -> 1 + random.nextInt(2);
			case C -> 1;
		};
		TreeSet<LocalDate> days = new TreeSet<>();
		while (days.size() < count) {
			days.add(WINDOW_FROM.plusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(WINDOW_FROM,
					RelationshipHistory.AS_OF))));
		}
		if (low) {
			// The unhappy answer is recent: within the weeks before the as-of date, whatever was drawn.
			LocalDate recent = RelationshipHistory.AS_OF.minusDays(5 + random.nextInt(80));
			if (days.last().isBefore(recent)) {
				days.pollLast();
				days.add(recent);
			}
		}
		LocalDate windowFrom = RelationshipHistory.AS_OF.minus(LOW_WINDOW);
		List<SurveyResult> results = new ArrayList<>(count);
		int number = 0;
		for (LocalDate day : days) {
			number++;
			boolean newest = day.equals(days.last());
			Mood mood;
			if (newest && low) {
				mood = Mood.LOW;
			}
			else if (newest && !day.isBefore(windowFrom)) {
				// The answer LOW_SATISFACTION reads: above the threshold, only just for a client with another pattern.
				mood = uneasy ? Mood.MIDDLING : Mood.SATISFIED;
			}
			else {
				double roll = random.nextDouble();
				mood = uneasy ? ((roll < 0.4) ? Mood.LOW : Mood.MIDDLING)
						: (roll < 0.85) ? Mood.SATISFIED : (roll < 0.97) ? Mood.MIDDLING : Mood.LOW;
			}
			SurveyScale scale = (random.nextDouble() < 0.6) ? SurveyScale.FIVE_POINT : SurveyScale.NPS;
			int score = score(random, scale, mood);
			String comments = (random.nextDouble() < 0.7) ? oneOf(random, COMMENTS.get(mood)) : null;
			SurveyChannel channel = surveyChannel(random, tier);
			String recordedBy = recorder(random, client);
			LocalDate recordedOn = day.plusDays(random.nextInt(3));
			if (recordedOn.isAfter(RelationshipHistory.AS_OF)) {
				recordedOn = RelationshipHistory.AS_OF;
			}
			Instant recordedAt = recordedOn.atTime(LocalTime.of(10 + random.nextInt(8), random.nextInt(60)))
				.atZone(BankTime.ZONE)
				.toInstant();
			results.add(SurveyResult.answered(surveyId(client.id(), number), client.id(), scale, score, comments,
					channel, day, client.primaryManager(), recordedBy, recordedAt));
		}
		return results;
	}

	private static int score(Random random, SurveyScale scale, Mood mood) {
		if (scale == SurveyScale.FIVE_POINT) {
			return switch (mood) {
				case LOW -> 1 + random.nextInt(FIVE_POINT_LOW);
				case MIDDLING -> 3 + random.nextInt(2);
				case SATISFIED -> (random.nextDouble() < 0.1) ? 3 : 4 + random.nextInt(2);
			};
		}
		return switch (mood) {
			case LOW -> 2 + random.nextInt(NPS_LOW - 1);
			case MIDDLING -> 7 + random.nextInt(2);
			case SATISFIED -> 8 + random.nextInt(3);
		};
	}

	/** Visits and calls for the best clients, online questionnaires and emails for the rest. */
	private static SurveyChannel surveyChannel(Random random, ValueTierCode tier) {
		double roll = random.nextDouble();
		double[] upTo = switch (tier) {
			// PHONE, VISIT, EMAIL, ONLINE; PAPER the rest
			case A -> new double[] { 0.35, 0.70, 0.80, 0.95 };
			case B -> new double[] { 0.35, 0.55, 0.70, 0.95 };
			case C -> new double[] { 0.30, 0.40, 0.60, 0.92 };
		};
		SurveyChannel[] channels = SurveyChannel.values();
		for (int i = 0; i < upTo.length; i++) {
			if (roll < upTo[i]) {
				return channels[i];
			}
		}
		return SurveyChannel.PAPER;
	}

	/** The primary RM mostly, a co-RM now and then. */
	private static String recorder(Random random, Client client) {
		if (!client.coManagers().isEmpty() && random.nextDouble() < 0.25) {
			return client.coManagers().get(random.nextInt(client.coManagers().size()));
		}
		return client.primaryManager();
	}

	// ---- Complaints ---------------------------------------------------------------------------------------------

	private static List<Complaint> complaints(Random random, Client client, ValueTierCode tier,
			List<RelationshipMetrics> months, Set<ChurnSignal> churn, Map<ComplaintSeverity, Duration> sla) {
		List<Case> cases = new ArrayList<>();
		// Behind the feed's counts: open at a month end exactly as many as the month reports.
		Deque<Case> open = new ArrayDeque<>();
		for (RelationshipMetrics figures : months) {
			YearMonth month = YearMonth.parse(figures.month());
			int target = (figures.openComplaints() != null) ? figures.openComplaints() : 0;
			while (open.size() > target) {
				Case settled = open.removeFirst();
				settled.resolve(random, at(random, month.atDay(1 + random.nextInt(15))));
				closeMaybe(random, settled);
			}
			while (open.size() < target) {
				Case raised = raise(random, client, cases.size() + 1, at(random, month.atDay(1 + random.nextInt(25))),
						sla);
				cases.add(raised);
				open.addLast(raised);
			}
		}
		boolean keepOpen = churn.contains(ChurnSignal.OPEN_COMPLAINTS);
		boolean first = true;
		for (Case still : open) {
			if (!keepOpen) {
				// Not shaped to have open complaints: settled in the as-of month, before the as-of date.
				still.resolve(random, at(random, RelationshipHistory.AS_OF.withDayOfMonth(1 + random.nextInt(10))));
				closeMaybe(random, still);
			}
			else if (first) {
				// Being worked on, yet past its SLA.
				still.start(random, later(random, still.raisedAt, 1, 3));
			}
			first = false;
		}

		// Raised and settled within one month of the year: never open at a month end, nor at the as-of date.
		double share = switch (tier) {
			case A -> 0.15;
			case B -> 0.08;
			case C -> 0.05;
		} + (churn.isEmpty() ? 0 : 0.3);
		if (client.lifecycleStage() != LifecycleStage.PROSPECT && random.nextDouble() < share) {
			int count = (tier == ValueTierCode.A) ? 1 + random.nextInt(2) : 1;
			for (int i = 0; i < count; i++) {
				cases.add(quick(random, client, cases.size() + 1, sla));
			}
		}
		return cases.stream().map(Case::complaint).toList();
	}

	private static Case quick(Random random, Client client, int number, Map<ComplaintSeverity, Duration> sla) {
		LocalDate asOf = RelationshipHistory.AS_OF;
		LocalDate day = WINDOW_FROM.plusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(WINDOW_FROM,
				asOf.minusDays(6))));
		if (day.getDayOfMonth() > 15) {
			// Early in a month, so that it is settled before the month ends.
			LocalDate earlier = day.minusDays(15);
			day = earlier.isAfter(WINDOW_FROM) ? earlier : day.plusDays(15);
		}
		LocalDate lastDay = YearMonth.from(day).atEndOfMonth();
		if (lastDay.isAfter(asOf)) {
			lastDay = asOf;
		}
		Case complaint = raise(random, client, number, at(random, day), sla);
		complaint.start(random, later(random, complaint.raisedAt, 0, 1));
		complaint.resolve(random, later(random, complaint.last(), 1, 4));
		if (random.nextDouble() < 0.15) {
			Instant reopened = later(random, complaint.last(), 1, 2);
			Instant again = later(random, reopened, 1, 3);
			if (!dayOf(again).isAfter(lastDay)) {
				complaint.reopen(random, reopened);
				complaint.resolve(random, again);
			}
		}
		closeMaybe(random, complaint);
		return complaint;
	}

	private static Case raise(Random random, Client client, int number, Instant raisedAt,
			Map<ComplaintSeverity, Duration> sla) {
		ComplaintCategory category = oneOf(random, List.of(ComplaintCategory.values()));
		double roll = random.nextDouble();
		ComplaintSeverity severity = (roll < 0.30) ? ComplaintSeverity.LOW : (roll < 0.75) ? ComplaintSeverity.MEDIUM
				: (roll < 0.95) ? ComplaintSeverity.HIGH : ComplaintSeverity.CRITICAL;
		Line line = oneOf(random, LINES.get(category));
		String raisedBy = recorder(random, client);
		return new Case(complaintId(client.id(), number), client.id(), category, severity, line, client.primaryManager(),
				raisedAt, raisedBy, raisedAt.plus(sla.get(severity)));
	}

	/** Mostly closed a few days after the resolution, when that is by the as-of date; else left RESOLVED. */
	private static void closeMaybe(Random random, Case complaint) {
		Instant closedAt = later(random, complaint.last(), 1, 7);
		if (random.nextDouble() < 0.8 && !dayOf(closedAt).isAfter(RelationshipHistory.AS_OF)) {
			complaint.close(closedAt);
		}
	}

	/** A complaint built step by step, each step checked against the lifecycle as the service checks it. */
	private static final class Case {

		final String id;

		final String clientId;

		final ComplaintCategory category;

		final ComplaintSeverity severity;

		final Line line;

		final String assignee;

		final Instant raisedAt;

		final String raisedBy;

		final Instant slaDueAt;

		ComplaintStatus status = ComplaintStatus.OPEN;

		@Nullable String resolution;

		@Nullable Instant resolvedAt;

		@Nullable Instant closedAt;

		final List<ComplaintTransition> transitions = new ArrayList<>();

		Case(String id, String clientId, ComplaintCategory category, ComplaintSeverity severity, Line line,
				String assignee, Instant raisedAt, String raisedBy, Instant slaDueAt) {
			this.id = id;
			this.clientId = clientId;
			this.category = category;
			this.severity = severity;
			this.line = line;
			this.assignee = assignee;
			this.raisedAt = raisedAt;
			this.raisedBy = raisedBy;
			this.slaDueAt = slaDueAt;
			this.transitions.add(new ComplaintTransition(null, null, ComplaintStatus.OPEN, raisedBy, raisedAt, assignee,
					null));
		}

		Instant last() {
			return this.transitions.get(this.transitions.size() - 1).at();
		}

		void start(Random random, Instant at) {
			step(ComplaintAction.START, at, (random.nextDouble() < 0.5) ? "已联系客户了解情况 / Called the client for details"
					: null);
		}

		/** Resolved with the category's resolution (started first when still OPEN). */
		void resolve(Random random, Instant at) {
			if (this.status == ComplaintStatus.OPEN) {
				start(random, later(random, this.raisedAt, 0, 2));
				if (!at.isAfter(last())) {
					at = later(random, last(), 0, 1);
				}
			}
			step(ComplaintAction.RESOLVE, at, this.line.resolution());
			this.resolution = this.line.resolution();
			this.resolvedAt = at;
		}

		void close(Instant at) {
			step(ComplaintAction.CLOSE, at, "客户确认满意 / The client confirmed it is settled");
			this.closedAt = at;
		}

		void reopen(Random random, Instant at) {
			step(ComplaintAction.REOPEN, at, oneOf(random, REOPEN_REASONS));
			this.resolvedAt = null;
			this.closedAt = null;
		}

		private void step(ComplaintAction action, Instant at, @Nullable String note) {
			if (!action.allowedFrom(this.status) || !at.isAfter(last())) {
				throw new IllegalStateException(this.id + ": " + action + " from " + this.status + " at " + at);
			}
			ComplaintStatus to = action.target(this.status);
			this.transitions.add(new ComplaintTransition(action, this.status, to, this.assignee, at, this.assignee, note));
			this.status = to;
		}

		Complaint complaint() {
			// The service counts one version per step after the raising.
			return new Complaint(this.id, this.clientId, this.category, this.severity, this.status, this.line.summary(),
					this.assignee, this.raisedAt, this.raisedBy, this.slaDueAt, this.resolution, this.resolvedAt,
					this.closedAt, this.transitions, this.transitions.size() - 1);
		}

	}

	// ---- Helpers ------------------------------------------------------------------------------------------------

	/** A time in office hours of the day, Beijing. */
	private static Instant at(Random random, LocalDate day) {
		return day.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(BankTime.ZONE).toInstant();
	}

	/** {@code minDays} to {@code maxDays} days after {@code after}: a few hours later when 0, else in office hours. */
	private static Instant later(Random random, Instant after, int minDays, int maxDays) {
		int days = minDays + random.nextInt(maxDays - minDays + 1);
		if (days == 0) {
			return after.plus(Duration.ofMinutes(30 + random.nextInt(150)));
		}
		return at(random, dayOf(after).plusDays(days));
	}

	private static LocalDate dayOf(Instant instant) {
		return instant.atZone(BankTime.ZONE).toLocalDate();
	}

	private static <T> T oneOf(Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	static String surveyId(String clientId, int number) {
		return "SV-" + clientId + "-%02d".formatted(number);
	}

	static String complaintId(String clientId, int number) {
		return "CP-" + clientId + "-%02d".formatted(number);
	}

}
