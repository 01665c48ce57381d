package com.corpbank.portal.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.interaction.InteractionChannel;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * The relationship work of one demo client: its contacts 联系人, a year of interactions 沟通记录 and the open follow-up
 * 定期回访 they leave.
 * <ul>
 * <li>Interactions are the RM contacts of the monthly figures ({@link RelationshipHistory.Result#contactDays()}) that
 * fall in the year up to the demo's as-of date ({@link #WINDOW_FROM} exclusive, {@link RelationshipHistory#AS_OF}), one
 * per contact day, so every month's {@code lastContactOn} is the latest interaction up to its end. Their rhythm is the
 * seeded tier's (A about monthly, B about every two months, C about quarterly: within the cadence, so that no
 * NO_RECENT_CONTACT warning fires for a client not shaped to). A client with no contact in that year (the
 * NO_RECENT_CONTACT pattern) keeps its last contact before it, and so has an interaction to count its follow-up from and
 * none in the recent window.</li>
 * <li>Each is recorded by one of the client's RMs (the demo book has no handovers: its RMs served it all year), the
 * primary mostly, a co-RM now and then, sometimes both together; with one or two of the client's contacts; a short
 * Chinese summary with an English gloss; a next step; and for some a follow-up date 7-60 days on (so that planned
 * follow-ups keep falling due in the weeks after the as-of date too).</li>
 * <li>The follow-up is what {@link FollowUpSchedule#onInteraction} makes of the last interaction: from its day, by the
 * seeded tier's cadence, or its follow-up date when earlier; due from the primary RM.</li>
 * </ul>
 * Every draw comes from the given {@link Random}, in a fixed order; nothing reads the clock.
 */
final class RelationshipWork {

	/** The year of interactions runs from the day after this one to {@link RelationshipHistory#AS_OF}. */
	static final LocalDate WINDOW_FROM = RelationshipHistory.AS_OF.minusMonths(12);

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉兰飞鹏辉斌波宇浩凯俊峰晨亮欣婷雪琳";

	/** Contact titles, the first one the RM's usual counterpart. */
	private static final List<String> TITLES = List.of("财务总监", "总经理", "财务经理", "董事长", "出纳主管", "副总经理");

	/** One line of an interaction: the summary and the next step it led to. */
	private record Line(String summary, String nextStep) {
	}

	private static final List<Line> VISIT = List.of(
			new Line("上门拜访，了解经营情况与明年资金需求 / Site visit: operations and next year's funding needs",
					"整理授信需求，准备授信方案 / Draft a credit proposal"),
			new Line("走访工厂，查看产能与库存 / Plant visit: capacity and inventory checked",
					"更新贷后检查记录 / Update the post-loan review"),
			new Line("拜访财务部，沟通结算账户使用情况 / Visited finance: settlement account usage",
					"推荐现金管理方案 / Propose a cash-management package"),
			new Line("年度走访，听取客户对服务的意见 / Annual visit: feedback on our service",
					"反馈意见给产品部门 / Pass the feedback to product teams"));

	private static final List<Line> PHONE = List.of(
			new Line("电话沟通，确认续贷材料 / Call: loan renewal documents confirmed",
					"收齐材料后提交审批 / Submit for approval once complete"),
			new Line("电话回访，了解近期回款情况 / Follow-up call: recent collections",
					"下月再次电话跟进 / Call again next month"),
			new Line("电话沟通汇率避险需求 / Call: FX hedging needs",
					"安排外汇产品经理联系 / Introduce the FX specialist"),
			new Line("电话确认代发工资安排 / Call: payroll service arrangements",
					"开通代发工资业务 / Set up payroll service"));

	private static final List<Line> EMAIL = List.of(
			new Line("邮件发送票据贴现报价 / Email: bill discounting quote sent",
					"等待客户确认报价 / Await the client's reply on the quote"),
			new Line("邮件确认年审资料清单 / Email: annual review checklist agreed",
					"跟进资料提交进度 / Chase the documents"),
			new Line("邮件回复网银操作问题 / Email: online banking questions answered",
					"必要时安排上门培训 / Offer on-site training if needed"));

	private static final List<Line> MEETING = List.of(
			new Line("与管理层会谈，讨论融资结构 / Meeting with management: financing structure",
					"出具综合金融服务方案 / Prepare an integrated financing proposal"),
			new Line("三方会谈，讨论供应链融资 / Three-party meeting: supply-chain finance",
					"对接核心企业资料 / Collect the anchor company's documents"),
			new Line("季度经营分析会 / Quarterly business review with the client",
					"跟踪存款与结算目标 / Track deposit and settlement goals"));

	private static final List<Line> EVENT = List.of(
			new Line("客户参加我行企业家沙龙 / Client attended our entrepreneurs' salon",
					"会后回访，了解产品兴趣 / Call back on the products they asked about"),
			new Line("邀请客户参加跨境金融研讨会 / Client at our cross-border finance seminar",
					"发送会议资料 / Send the seminar material"));

	private static final List<Line> PROSPECTING = List.of(
			new Line("营销拜访，介绍对公结算与现金管理产品 / Prospecting visit: settlement and cash management",
					"准备开户资料清单 / Send the account-opening checklist"),
			new Line("初次接洽，了解企业基本情况 / First meeting: company background",
					"评估合作机会 / Assess the opportunity"));

	private static final List<Line> AT_RISK = List.of(
			new Line("沟通经营困难与还款安排 / Discussed business difficulties and repayment plan",
					"提交风险预警报告 / File a risk warning report"),
			new Line("了解资金转出原因，挽留客户 / Asked why funds moved out; retention talk",
					"申请优惠定价方案 / Request a retention pricing offer"));

	/** One client's relationship work. */
	record Result(List<Contact> contacts, List<Interaction> interactions, @Nullable FollowUp followUp) {

		Result {
			contacts = List.copyOf(contacts);
			interactions = List.copyOf(interactions);
		}

	}

	private RelationshipWork() {
	}

	static Result of(Random random, Client client, List<LocalDate> contactDays, FollowUpSchedule schedule) {
		ValueTierCode tier = (client.valueTier() != null) ? client.valueTier().tier() : ValueTierCode.C;
		List<LocalDate> days = interactionDays(contactDays);
		List<Contact> contacts = contacts(random, client, tier, days);
		List<Interaction> interactions = new ArrayList<>(days.size());
		for (int i = 0; i < days.size(); i++) {
			interactions.add(interaction(random, client, tier, contacts, days.get(i), i + 1));
		}
		FollowUp followUp = null;
		for (Interaction interaction : interactions) {
			// Recorded in order, each completes the follow-up the one before scheduled: the last one's stays open.
			FollowUp next = schedule.onInteraction(followUp, client.primaryManager(), tier, interaction.id(),
					dayOf(interaction), interaction.followUpOn());
			followUp = (next != null) ? next : followUp;
		}
		return new Result(contacts, interactions, followUp);
	}

	/** The contact days in the year up to the as-of date, else the last one before it (a silent year). */
	private static List<LocalDate> interactionDays(List<LocalDate> contactDays) {
		List<LocalDate> days = new ArrayList<>();
		LocalDate before = null;
		for (LocalDate day : contactDays) {
			if (day.isAfter(RelationshipHistory.AS_OF)) {
				break;
			}
			if (day.isAfter(WINDOW_FROM)) {
				days.add(day);
			}
			else {
				before = day;
			}
		}
		if (days.isEmpty() && before != null) {
			days.add(before);
		}
		return days;
	}

	/** One to three fictitious people (A clients at least two), added by the primary RM before the first interaction. */
	private static List<Contact> contacts(Random random, Client client, ValueTierCode tier, List<LocalDate> days) {
		int count = (tier == ValueTierCode.A) ? 2 + random.nextInt(2) : 1 + random.nextInt(3);
		LocalDate first = days.isEmpty() ? RelationshipHistory.AS_OF : days.get(0);
		Instant createdAt = first.minusDays(7 + random.nextInt(60)).atTime(LocalTime.of(10, 0)).atZone(BankTime.ZONE)
			.toInstant();
		List<Contact> contacts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
					+ GIVEN.charAt(random.nextInt(GIVEN.length()))
					+ ((random.nextDouble() < 0.6) ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
			String title = TITLES.get((i == 0) ? 0 : 1 + random.nextInt(TITLES.size() - 1));
			StringBuilder mobile = new StringBuilder("1").append((char) ('3' + random.nextInt(7)));
			for (int d = 0; d < 9; d++) {
				mobile.append((char) ('0' + random.nextInt(10)));
			}
			String email = (random.nextDouble() < 0.7) ? "contact" + (i + 1) + "." + client.id().toLowerCase()
					+ "@example.com" : null;
			contacts.add(new Contact(contactId(client.id(), i + 1), client.id(), name, title, mobile.toString(), email,
					null, createdAt, client.primaryManager(), null, null, 0L));
		}
		return contacts;
	}

	private static Interaction interaction(Random random, Client client, ValueTierCode tier, List<Contact> contacts,
			LocalDate day, int number) {
		InteractionChannel channel = channel(random, tier);
		LocalTime time = LocalTime.of(9 + random.nextInt(8), 15 * random.nextInt(4));
		Instant occurredAt = day.atTime(time).atZone(BankTime.ZONE).toInstant();
		// Written up the same evening or the next morning.
		Instant recordedAt = occurredAt.plusSeconds(3600L * (1 + random.nextInt(18)));
		String author = client.primaryManager();
		List<String> managers = List.of(author);
		if (!client.coManagers().isEmpty()) {
			double roll = random.nextDouble();
			String co = client.coManagers().get(random.nextInt(client.coManagers().size()));
			if (roll < 0.2) {
				author = co;
				managers = List.of(co);
			}
			else if (roll < 0.35) {
				managers = List.of(author, co);
			}
		}
		List<String> contactIds = new ArrayList<>();
		contactIds.add(contacts.get(random.nextInt(contacts.size())).id());
		if (contacts.size() > 1 && (channel == InteractionChannel.VISIT || channel == InteractionChannel.MEETING)
				&& random.nextDouble() < 0.5) {
			contacts.stream().map(Contact::id).filter(id -> !contactIds.contains(id)).findFirst()
				.ifPresent(contactIds::add);
		}
		Line line = line(random, client, channel);
		LocalDate followUpOn = (random.nextDouble() < 0.3) ? day.plusDays(7 + random.nextInt(54)) : null;
		return new Interaction(interactionId(client.id(), number), client.id(), channel, occurredAt, managers,
				List.copyOf(contactIds), line.summary(), line.nextStep(), followUpOn, recordedAt, author,
				DemoDirectory.get().person(author).id(), null, null, null, 0L);
	}

	/** Visits and meetings for the best clients, calls and emails for the rest; events now and then for everyone. */
	private static InteractionChannel channel(Random random, ValueTierCode tier) {
		double roll = random.nextDouble();
		double[] upTo = switch (tier) {
			// VISIT, PHONE, EMAIL, MEETING; EVENT the rest
			case A -> new double[] { 0.35, 0.55, 0.65, 0.90 };
			case B -> new double[] { 0.25, 0.60, 0.78, 0.92 };
			case C -> new double[] { 0.15, 0.65, 0.88, 0.95 };
		};
		InteractionChannel[] channels = InteractionChannel.values();
		for (int i = 0; i < upTo.length; i++) {
			if (roll < upTo[i]) {
				return channels[i];
			}
		}
		return InteractionChannel.EVENT;
	}

	private static Line line(Random random, Client client, InteractionChannel channel) {
		List<Line> lines = switch (client.lifecycleStage()) {
			case PROSPECT -> PROSPECTING;
			case AT_RISK, CHURNED -> (random.nextDouble() < 0.5) ? AT_RISK : byChannel(channel);
			default -> byChannel(channel);
		};
		return lines.get(random.nextInt(lines.size()));
	}

	private static List<Line> byChannel(InteractionChannel channel) {
		return switch (channel) {
			case VISIT -> VISIT;
			case PHONE -> PHONE;
			case EMAIL -> EMAIL;
			case MEETING -> MEETING;
			case EVENT -> EVENT;
		};
	}

	static String contactId(String clientId, int number) {
		return "CT-" + clientId + "-" + number;
	}

	static String interactionId(String clientId, int number) {
		return "IA-" + clientId + "-%03d".formatted(number);
	}

	private static LocalDate dayOf(Interaction interaction) {
		return interaction.occurredAt().atZone(BankTime.ZONE).toLocalDate();
	}

}
