package com.corpbank.portal.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientAssignment;
import com.corpbank.portal.client.EnterpriseSize;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.client.IdNumber;
import com.corpbank.portal.client.Industry;
import com.corpbank.portal.client.LegalRepresentative;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.client.Regions;
import com.corpbank.portal.client.Uscc;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.feedback.Complaint;
import com.corpbank.portal.feedback.ComplaintSeverity;
import com.corpbank.portal.feedback.FeedbackProperties;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.seed.RelationshipHistory.ChurnSignal;
import com.corpbank.portal.seed.RelationshipHistory.Move;
import com.corpbank.portal.tax.TaxRecord;
import com.corpbank.portal.tier.SeedTierModel;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * Builds the demo book: the org tree and six RMs of {@link DemoDirectory}, and {@value #CLIENT_COUNT} enterprise
 * clients with four annual statements each. Everything comes from one {@link Random} with a fixed seed and a fixed order of draws, so
 * {@link #generate()} returns equal data on every call and every machine (the few transcendental functions go
 * through {@link StrictMath} for the same reason). Nothing reads the clock.
 *
 * <p>Shape of the book, so that access and paging tests have something to bite on:
 * <ul>
 * <li>each RM is primary for a fixed number of clients ({@link #PRIMARY_COUNTS});</li>
 * <li>{@link #CO_RM_QUOTAS} gives 38 clients (about 11%) one co-RM from another team, including cross-branch
 * pairs (SH and BJ), rm_li as co-RM of other teams' clients, and rm_wang as co-RM of rm_li's clients;</li>
 * <li>ratings come from ranking a credit score (margin, debt ratio, size, growth) against a fixed master-scale
 * mix ({@link #RATING_SHARES}, {@link #RATING_COUNTS}), so the three weakest clients are rated D;</li>
 * <li>value tiers come from the seed model {@link SeedTierModel} (about 15% A, 45% B, 40% C), and rounding to two
 * decimals leaves a few exact score ties.</li>
 * <li>each client has a registered address in its division, a founding date that fits its USCC, the latest
 * statement's headcount and a fictitious legal representative with a well-formed ID number; these come from a
 * second {@link Random} ({@code SEED + 1}), so adding them changed nothing else in the book.</li>
 * <li>the relationship side ({@link RelationshipHistory}) comes from a third ({@code SEED + 2}), and the relationship
 * work ({@link RelationshipWork}: contacts, a year of interactions on the figures' contact days, the open follow-up)
 * from a fourth ({@code SEED + 3}), the feedback ({@link DemoFeedback}: satisfaction surveys and complaints,
 * consistent with the figures' open complaints and the churn patterns) from a fifth ({@code SEED + 4}).</li>
 * </ul>
 */
public class DemoDataGenerator {

	public static final long SEED = 20_260_105L;

	public static final int CLIENT_COUNT = 336;

	public static final String TIER_MODEL_VERSION = SeedTierModel.VERSION;

	/** The fiscal years of the statements, oldest first; the last one sizes, rates and tiers the client. */
	public static final List<String> PERIODS = List.of("2022", "2023", "2024", "2025");

	static final LocalDate TIER_EVALUATED_ON = LocalDate.of(2026, 6, 30);

	// Ratings are dated within the year before the tier batch.
	static final LocalDate RATED_FROM = LocalDate.of(2025, 6, 1);

	private static final String CURRENCY = "CNY";

	// ---- The bank: org tree and RMs ----------------------------------------------------------------------

	// The org tree and the RMs come from the one directory file the realm and the test fixtures share.
	private static final List<RelationshipManager> MANAGERS = DemoDirectory.get().managers();

	/** How many clients each RM is primary for; the sum is {@link #CLIENT_COUNT}. */
	static final Map<String, Integer> PRIMARY_COUNTS = orderedMap("rm_li", 64, "rm_zhang", 54, "rm_wang", 58,
			"rm_xu", 56, "rm_zhao", 54, "rm_liu", 50);

	/** A number of a primary RM's clients (drawn at random) that get one co-RM. */
	record CoRmQuota(String primary, String coManager, int count) {
	}

	static final List<CoRmQuota> CO_RM_QUOTAS = List.of(
			// 浦东 team 1 <-> team 2: same sub-branch, other team.
			new CoRmQuota("rm_li", "rm_wang", 5), new CoRmQuota("rm_zhang", "rm_wang", 3),
			new CoRmQuota("rm_wang", "rm_li", 4),
			// Across Shanghai sub-branches.
			new CoRmQuota("rm_li", "rm_xu", 2), new CoRmQuota("rm_wang", "rm_xu", 2),
			new CoRmQuota("rm_xu", "rm_li", 3), new CoRmQuota("rm_xu", "rm_zhang", 2),
			// Across branches, both ways.
			new CoRmQuota("rm_li", "rm_liu", 2), new CoRmQuota("rm_zhang", "rm_zhao", 2),
			new CoRmQuota("rm_wang", "rm_liu", 2), new CoRmQuota("rm_xu", "rm_zhao", 2),
			new CoRmQuota("rm_zhao", "rm_li", 3), new CoRmQuota("rm_zhao", "rm_wang", 2),
			new CoRmQuota("rm_liu", "rm_xu", 2), new CoRmQuota("rm_liu", "rm_zhang", 2));

	// ---- Where clients are registered (GB/T 2260) --------------------------------------------------------

	private record Place(String division, String city) {
	}

	private static final Place PUDONG = new Place("310115", "上海");

	private static final Place HUANGPU = new Place("310101", "上海");

	private static final Place HAIDIAN = new Place("110108", "北京");

	// 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 松江 青浦 奉贤
	private static final List<Place> SHANGHAI = places("上海", "310104", "310105", "310106", "310107", "310109",
			"310110", "310112", "310113", "310114", "310117", "310118", "310120");

	// 东城 西城 朝阳 丰台 通州 顺义 昌平 大兴
	private static final List<Place> BEIJING = places("北京", "110101", "110102", "110105", "110106", "110112",
			"110113", "110114", "110115");

	// Clients of the Shanghai branch registered elsewhere: mostly the Yangtze delta, some further away.
	private static final List<Place> OUTSIDE_SHANGHAI = List.of(new Place("320106", "南京"), new Place("320115", "南京"),
			new Place("320505", "苏州"), new Place("320506", "苏州"), new Place("320583", "昆山"), new Place("320211", "无锡"),
			new Place("320411", "常州"), new Place("330106", "杭州"), new Place("330108", "杭州"), new Place("330110", "杭州"),
			new Place("330212", "宁波"), new Place("330782", "义乌"), new Place("330602", "绍兴"), new Place("340104", "合肥"),
			new Place("350206", "厦门"), new Place("440305", "深圳"), new Place("440304", "深圳"), new Place("440106", "广州"),
			new Place("440606", "佛山"), new Place("510107", "成都"), new Place("500112", "重庆"), new Place("420106", "武汉"),
			new Place("430104", "长沙"), new Place("610113", "西安"), new Place("210204", "大连"));

	// Clients of the Beijing branch registered elsewhere: mostly 京津冀, some further away.
	private static final List<Place> OUTSIDE_BEIJING = List.of(new Place("120116", "天津"), new Place("130102", "石家庄"),
			new Place("131002", "廊坊"), new Place("130602", "保定"), new Place("130203", "唐山"), new Place("140105", "太原"),
			new Place("370212", "青岛"), new Place("370102", "济南"), new Place("210102", "沈阳"), new Place("210204", "大连"),
			new Place("610113", "西安"), new Place("610104", "西安"), new Place("620102", "兰州"), new Place("410105", "郑州"),
			new Place("420111", "武汉"), new Place("510116", "成都"), new Place("440305", "深圳"), new Place("441900", "东莞"));

	// Registered addresses: the division's province, city and district as they are written before the street.
	private static final Map<String, String> DISTRICTS = Map.ofEntries(Map.entry("310115", "上海市浦东新区"),
			Map.entry("310101", "上海市黄浦区"), Map.entry("310104", "上海市徐汇区"), Map.entry("310105", "上海市长宁区"),
			Map.entry("310106", "上海市静安区"), Map.entry("310107", "上海市普陀区"), Map.entry("310109", "上海市虹口区"),
			Map.entry("310110", "上海市杨浦区"), Map.entry("310112", "上海市闵行区"), Map.entry("310113", "上海市宝山区"),
			Map.entry("310114", "上海市嘉定区"), Map.entry("310117", "上海市松江区"), Map.entry("310118", "上海市青浦区"),
			Map.entry("310120", "上海市奉贤区"), Map.entry("110108", "北京市海淀区"), Map.entry("110101", "北京市东城区"),
			Map.entry("110102", "北京市西城区"), Map.entry("110105", "北京市朝阳区"), Map.entry("110106", "北京市丰台区"),
			Map.entry("110112", "北京市通州区"), Map.entry("110113", "北京市顺义区"), Map.entry("110114", "北京市昌平区"),
			Map.entry("110115", "北京市大兴区"), Map.entry("320106", "江苏省南京市鼓楼区"), Map.entry("320115", "江苏省南京市江宁区"),
			Map.entry("320505", "江苏省苏州市虎丘区"), Map.entry("320506", "江苏省苏州市吴中区"), Map.entry("320583", "江苏省昆山市"),
			Map.entry("320211", "江苏省无锡市滨湖区"), Map.entry("320411", "江苏省常州市新北区"), Map.entry("330106", "浙江省杭州市西湖区"),
			Map.entry("330108", "浙江省杭州市滨江区"), Map.entry("330110", "浙江省杭州市余杭区"), Map.entry("330212", "浙江省宁波市鄞州区"),
			Map.entry("330782", "浙江省义乌市"), Map.entry("330602", "浙江省绍兴市越城区"), Map.entry("340104", "安徽省合肥市蜀山区"),
			Map.entry("350206", "福建省厦门市湖里区"), Map.entry("440305", "广东省深圳市南山区"), Map.entry("440304", "广东省深圳市福田区"),
			Map.entry("440106", "广东省广州市天河区"), Map.entry("440606", "广东省佛山市顺德区"), Map.entry("510107", "四川省成都市武侯区"),
			Map.entry("500112", "重庆市渝北区"), Map.entry("420106", "湖北省武汉市武昌区"), Map.entry("430104", "湖南省长沙市岳麓区"),
			Map.entry("610113", "陕西省西安市雁塔区"), Map.entry("210204", "辽宁省大连市沙河口区"), Map.entry("120116", "天津市滨海新区"),
			Map.entry("130102", "河北省石家庄市长安区"), Map.entry("131002", "河北省廊坊市安次区"), Map.entry("130602", "河北省保定市竞秀区"),
			Map.entry("130203", "河北省唐山市路北区"), Map.entry("140105", "山西省太原市小店区"), Map.entry("370212", "山东省青岛市崂山区"),
			Map.entry("370102", "山东省济南市历下区"), Map.entry("210102", "辽宁省沈阳市和平区"), Map.entry("610104", "陕西省西安市莲湖区"),
			Map.entry("620102", "甘肃省兰州市城关区"), Map.entry("410105", "河南省郑州市金水区"), Map.entry("420111", "湖北省武汉市洪山区"),
			Map.entry("510116", "四川省成都市双流区"), Map.entry("441900", "广东省东莞市"));

	private static final List<String> STREETS = List.of("建设路", "人民路", "解放路", "中山路", "科技路", "创新大道", "工业园路",
			"滨江大道", "长江路", "黄河路", "和平路", "文化路", "新华路", "学院路", "开发区大道", "高新大道", "金融街", "兴业路",
			"东方路", "振兴路");

	// Legal representatives: common surnames and given-name characters; their names are fictitious.
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国志红斌波宇浩凯俊峰晨亮欣婷雪琳嘉文";

	// ID numbers: the address code of the representative's birthplace (GB/T 2260), spread over China.
	private static final List<String> BIRTHPLACES = List.of("110105", "120101", "130102", "140105", "210102", "220102",
			"230103", "310104", "320102", "320583", "330106", "330282", "340104", "350102", "360102", "370102", "370212",
			"410105", "420106", "430104", "440106", "440304", "450102", "500103", "510107", "520102", "530102", "610113",
			"620102", "650102");

	// ---- Industries: GB/T 4754 division, weight in the book, name words, rough economics -------------------

	/**
	 * @param revenuePerHead revenue per employee, 万元, low..high
	 * @param assetsToRevenue total assets / revenue, low..high
	 * @param margin typical net margin
	 * @param debt typical debt ratio, low..high
	 */
	private record Profile(String division, int weight, List<String> words, double[] revenuePerHead,
			double[] assetsToRevenue, double margin, double[] debt) {
	}

	private static final double[] DEBT_DEFAULT = { 0.35, 0.68 };

	private static final double[] DEBT_LIGHT = { 0.22, 0.50 };

	private static final double[] DEBT_HEAVY = { 0.62, 0.82 };

	private static final List<Profile> PROFILES = List.of(
			p("01", 2, words("农业发展", "生态农业", "现代农业"), 40, 80, 1.0, 1.6, 0.05, DEBT_DEFAULT),
			p("03", 2, words("牧业", "畜牧", "养殖"), 60, 120, 0.8, 1.3, 0.04, DEBT_DEFAULT),
			p("05", 1, words("农业科技", "农机服务"), 40, 80, 0.8, 1.2, 0.05, DEBT_DEFAULT),
			p("06", 1, words("煤业", "能源"), 80, 150, 1.5, 2.5, 0.08, DEBT_DEFAULT),
			p("10", 1, words("矿业", "石材"), 80, 150, 1.2, 2.0, 0.07, DEBT_DEFAULT),
			p("13", 4, words("粮油", "食品", "农产品"), 150, 300, 0.6, 1.0, 0.04, DEBT_DEFAULT),
			p("14", 3, words("食品", "乳业", "调味品"), 80, 150, 0.7, 1.1, 0.06, DEBT_DEFAULT),
			p("15", 2, words("饮品", "茶业", "酒业"), 80, 160, 1.0, 1.6, 0.10, DEBT_DEFAULT),
			p("17", 3, words("纺织", "纺织品", "织造"), 50, 100, 0.8, 1.2, 0.04, DEBT_DEFAULT),
			p("18", 2, words("服饰", "服装"), 40, 80, 0.7, 1.0, 0.05, DEBT_DEFAULT),
			p("22", 1, words("纸业", "包装材料"), 80, 150, 0.9, 1.3, 0.04, DEBT_DEFAULT),
			p("26", 5, words("化工", "新材料", "化学"), 200, 400, 0.8, 1.3, 0.07, DEBT_DEFAULT),
			p("27", 4, words("医药", "生物医药", "制药"), 100, 200, 1.2, 2.0, 0.12, DEBT_LIGHT),
			p("29", 3, words("塑胶", "塑料制品", "橡塑"), 60, 120, 0.8, 1.2, 0.05, DEBT_DEFAULT),
			p("30", 2, words("建材", "新型建材", "玻璃"), 80, 150, 1.0, 1.5, 0.06, DEBT_DEFAULT),
			p("31", 1, words("钢铁", "特钢"), 300, 600, 1.0, 1.4, 0.03, DEBT_HEAVY),
			p("32", 1, words("铝业", "铜业", "有色金属"), 300, 600, 0.8, 1.2, 0.03, DEBT_DEFAULT),
			p("33", 3, words("金属制品", "五金"), 60, 120, 0.8, 1.2, 0.05, DEBT_DEFAULT),
			p("34", 5, words("精密机械", "机械", "机电设备", "流体设备"), 70, 140, 1.0, 1.5, 0.07, DEBT_DEFAULT),
			p("35", 4, words("智能装备", "自动化设备", "医疗器械"), 80, 150, 1.1, 1.6, 0.08, DEBT_DEFAULT),
			p("36", 4, words("汽车零部件", "汽车部件", "汽车配件"), 100, 200, 0.9, 1.3, 0.05, DEBT_DEFAULT),
			p("37", 1, words("船舶", "轨道交通设备", "航空部件"), 120, 220, 1.2, 1.8, 0.05, DEBT_HEAVY),
			p("38", 5, words("电气", "电器", "储能", "新能源科技"), 100, 200, 0.9, 1.4, 0.07, DEBT_DEFAULT),
			p("39", 6, words("电子", "电子科技", "微电子", "光电"), 100, 220, 0.9, 1.5, 0.08, DEBT_DEFAULT),
			p("40", 2, words("仪器", "仪表", "测控技术"), 60, 120, 1.1, 1.6, 0.10, DEBT_LIGHT),
			p("42", 1, words("再生资源", "资源循环"), 100, 200, 1.0, 1.5, 0.05, DEBT_DEFAULT),
			p("44", 2, words("新能源", "热电", "电力"), 300, 600, 2.5, 4.0, 0.09, DEBT_HEAVY),
			p("45", 1, words("燃气"), 200, 400, 1.5, 2.5, 0.07, DEBT_DEFAULT),
			p("46", 1, words("水务"), 100, 200, 3.0, 5.0, 0.06, DEBT_HEAVY),
			p("47", 3, words("建设", "建筑工程"), 100, 250, 0.9, 1.3, 0.03, DEBT_HEAVY),
			p("48", 3, words("路桥", "市政工程", "建设工程"), 150, 300, 1.0, 1.5, 0.04, DEBT_HEAVY),
			p("49", 2, words("机电安装", "安装工程"), 80, 150, 0.8, 1.2, 0.04, DEBT_DEFAULT),
			p("50", 2, words("装饰工程", "建筑装饰"), 60, 120, 0.8, 1.2, 0.04, DEBT_DEFAULT),
			p("51", 12, words("贸易", "商贸", "供应链管理", "国际贸易", "进出口"), 400, 1500, 0.3, 0.6, 0.02,
					new double[] { 0.50, 0.75 }),
			p("52", 5, words("商业", "百货", "超市", "连锁"), 80, 200, 0.4, 0.8, 0.03, DEBT_DEFAULT),
			p("54", 3, words("物流", "运输", "汽车运输"), 60, 120, 0.8, 1.3, 0.04, DEBT_DEFAULT),
			p("55", 1, words("海运", "航运"), 200, 400, 2.0, 3.0, 0.06, DEBT_HEAVY),
			p("58", 3, words("国际物流", "货运代理", "国际货运"), 300, 800, 0.3, 0.6, 0.02, DEBT_DEFAULT),
			p("59", 2, words("仓储", "冷链物流"), 60, 150, 1.5, 2.5, 0.06, DEBT_DEFAULT),
			p("60", 1, words("快递", "速递"), 30, 60, 0.5, 0.8, 0.03, DEBT_DEFAULT),
			p("61", 1, words("酒店管理", "酒店"), 30, 60, 2.0, 3.5, 0.05, DEBT_DEFAULT),
			p("62", 2, words("餐饮管理", "餐饮"), 20, 40, 0.5, 0.9, 0.05, DEBT_DEFAULT),
			p("63", 1, words("通信技术", "通信服务"), 150, 300, 1.5, 2.5, 0.08, DEBT_DEFAULT),
			p("64", 4, words("网络科技", "互联网科技", "信息科技"), 80, 200, 0.8, 1.4, 0.08, DEBT_LIGHT),
			p("65", 8, words("软件", "信息技术", "数据科技", "软件技术"), 40, 100, 0.8, 1.3, 0.10, DEBT_LIGHT),
			p("66", 1, words("融资租赁"), 200, 500, 8.0, 12.0, 0.18, new double[] { 0.72, 0.84 }),
			p("67", 1, words("投资管理", "资产管理"), 100, 300, 2.0, 4.0, 0.20, DEBT_LIGHT),
			p("70", 5, words("置业", "房地产开发", "地产"), 500, 1500, 3.0, 6.0, 0.10, new double[] { 0.68, 0.82 }),
			p("71", 2, words("设备租赁", "租赁"), 100, 300, 2.0, 4.0, 0.10, DEBT_HEAVY),
			p("72", 5, words("企业管理", "商务咨询", "人力资源", "广告", "会展服务"), 40, 100, 0.6, 1.2, 0.08,
					DEBT_DEFAULT),
			p("73", 2, words("生物技术", "新材料研究"), 40, 100, 1.2, 2.0, 0.10, DEBT_LIGHT),
			p("74", 3, words("工程设计", "检测技术", "工程咨询"), 40, 80, 0.8, 1.2, 0.10, DEBT_LIGHT),
			p("75", 2, words("科技", "科技发展"), 40, 80, 0.8, 1.2, 0.08, DEBT_LIGHT),
			p("77", 2, words("环保科技", "环境工程", "环境科技"), 80, 160, 1.5, 2.5, 0.08, DEBT_DEFAULT),
			p("78", 1, words("园林", "市政设施管理"), 50, 100, 1.5, 2.5, 0.06, DEBT_DEFAULT),
			p("80", 1, words("家政服务", "保洁服务"), 10, 25, 0.4, 0.8, 0.04, DEBT_DEFAULT),
			p("81", 1, words("汽车维修", "设备维修"), 20, 40, 0.5, 0.9, 0.05, DEBT_DEFAULT),
			p("83", 1, words("教育科技", "职业培训"), 20, 50, 1.0, 1.8, 0.08, DEBT_DEFAULT),
			p("84", 1, words("医院", "健康管理"), 25, 50, 1.2, 2.0, 0.08, DEBT_DEFAULT),
			p("86", 1, words("文化传媒", "出版"), 50, 120, 1.0, 1.5, 0.08, DEBT_DEFAULT),
			p("87", 1, words("影视传媒", "影视文化"), 60, 150, 1.5, 2.5, 0.10, DEBT_DEFAULT),
			p("89", 1, words("体育发展", "体育文化"), 30, 80, 1.0, 1.8, 0.06, DEBT_DEFAULT),
			p("90", 1, words("文化娱乐", "娱乐"), 20, 50, 1.0, 1.5, 0.06, DEBT_DEFAULT));

	// ---- Name parts: 城市 + 字号 (two characters) + 行业词 + 组织形式 ----------------------------------------------

	private static final String BRAND_FIRST = "恒华鼎新宏金瑞永天博海东德嘉建晨昊锦凯隆明普启荣盛泰万伟信兴亚远正智卓安百诚达汇";

	private static final String BRAND_SECOND = "瑞信天盛锐达诚丰利禾远澜方辰邦润源昌通泽宇翔晟越航森拓骏科华泰";

	// Pairs that are well-known brands: a demo must not look like them. 中 is left out of the first characters,
	// since 中国/中华-style names need special approval.
	private static final Set<String> FAMOUS_BRANDS = Set.of("华润", "华泰", "华航", "万科", "万达", "万通", "万华", "信达",
			"德邦", "海通", "海澜", "海信", "海天", "海航", "东航", "恒瑞", "恒丰", "泰禾", "泰达", "正泰", "安邦", "安信", "博通",
			"新华", "百盛", "诚通", "荣盛", "宏源", "金科", "汇源");

	// ---- Old-style organisation codes start with a registration-era prefix -------------------------------

	private static final List<String> ORG_CODE_PREFIXES = List.of("13", "55", "56", "58", "59", "60", "63", "66", "67",
			"69", "70", "73", "75", "76", "77", "78", "79", "05", "08", "09");

	// ---- Risk: master-scale mix of the book, best first; D and the worst performing grades are fixed counts ----

	/** Share of the book per grade; grades with a count instead of a share are listed in {@link #RATING_COUNTS}. */
	static final Map<CreditRating, Double> RATING_SHARES = orderedMap(CreditRating.AAA, 0.03, CreditRating.AA, 0.15,
			CreditRating.A, 0.25, CreditRating.BB, 0.13, CreditRating.B, 0.08, CreditRating.CCC, 0.04);

	static final Map<CreditRating, Integer> RATING_COUNTS = orderedMap(CreditRating.CC, 4, CreditRating.C, 2,
			CreditRating.D, 3);

	// ---- Relationship: churn patterns in the last three months, tier movers ---------------------------------

	/**
	 * Clients whose last three months (2026-08..10 against 2026-05..07) are shaped to fire churn signals, by id, and
	 * three of them whose newest survey answer is low (LOW_SATISFACTION, {@link DemoFeedback}); every other client fires
	 * none of these (see {@link RelationshipHistory}). The OPEN_COMPLAINTS clients have the feed's open complaints open
	 * in the portal too, and no other client has one open.
	 */
	static final Map<String, Set<ChurnSignal>> CHURN_PATTERNS = Map.ofEntries(
			// rm_li's: a mature B client whose deposits halve; two at-risk C clients (one shared with rm_wang).
			Map.entry("C000006", EnumSet.of(ChurnSignal.DEPOSITS_FALLING)),
			Map.entry("C000081", EnumSet.of(ChurnSignal.FEWER_PRODUCTS, ChurnSignal.OPEN_COMPLAINTS)),
			Map.entry("C000058", EnumSet.of(ChurnSignal.NO_RECENT_CONTACT)),
			// Other RMs' at-risk clients.
			Map.entry("C000023", EnumSet.of(ChurnSignal.DEPOSITS_FALLING, ChurnSignal.LOW_SATISFACTION)),
			Map.entry("C000036", EnumSet.of(ChurnSignal.OPEN_COMPLAINTS)),
			Map.entry("C000091", EnumSet.of(ChurnSignal.FEWER_PRODUCTS, ChurnSignal.LOW_SATISFACTION)),
			Map.entry("C000125", EnumSet.of(ChurnSignal.NO_RECENT_CONTACT)),
			Map.entry("C000135", EnumSet.of(ChurnSignal.DEPOSITS_FALLING, ChurnSignal.FEWER_PRODUCTS)),
			Map.entry("C000139", EnumSet.of(ChurnSignal.OPEN_COMPLAINTS, ChurnSignal.LOW_SATISFACTION)),
			Map.entry("C000302", EnumSet.of(ChurnSignal.NO_RECENT_CONTACT, ChurnSignal.DEPOSITS_FALLING)));

	static final int MOVERS_UP = 8;

	static final int MOVERS_DOWN = 7;

	/**
	 * The visit cadence the demo's contact days are shaped for: the default {@code portal.churn.visit-cadence}. A
	 * generator built without a schedule schedules follow-ups by it.
	 */
	public static final Map<ValueTierCode, Period> DEMO_CADENCE = Map.of(ValueTierCode.A, Period.ofMonths(1),
			ValueTierCode.B, Period.ofMonths(3), ValueTierCode.C, Period.ofMonths(6));

	private final IndustryCatalog catalog;

	private final EnterpriseSizeClassifier classifier;

	private final FollowUpSchedule followUps;

	private final Map<ComplaintSeverity, Duration> complaintSla;

	public DemoDataGenerator(IndustryCatalog catalog, EnterpriseSizeClassifier classifier) {
		this(catalog, classifier, FollowUpSchedule.withCadence(DEMO_CADENCE));
	}

	/** @param followUps the schedule the seeded follow-ups follow (the service's own, when seeded at start-up) */
	public DemoDataGenerator(IndustryCatalog catalog, EnterpriseSizeClassifier classifier, FollowUpSchedule followUps) {
		this(catalog, classifier, followUps, FeedbackProperties.DEFAULT_SLA);
	}

	/**
	 * @param followUps the schedule the seeded follow-ups follow (the service's own, when seeded at start-up)
	 * @param complaintSla the SLA per severity seeded complaints are due by (the service's {@code portal.feedback.sla})
	 */
	public DemoDataGenerator(IndustryCatalog catalog, EnterpriseSizeClassifier classifier, FollowUpSchedule followUps,
			Map<ComplaintSeverity, Duration> complaintSla) {
		this.catalog = catalog;
		this.classifier = classifier;
		this.followUps = followUps;
		this.complaintSla = Map.copyOf(complaintSla);
	}

	/** The demo book; equal on every call. */
	public DemoData generate() {
		return generate(SEED, true);
	}

	/**
	 * A book of {@value #CLIENT_COUNT} clients shaped as the demo from another seed (blocks of a scaled book).
	 *
	 * @param relationshipWork whether to make contacts, interactions, follow-ups, surveys and complaints too; without,
	 * those lists are empty, clients have no follow-up, and nothing else differs
	 */
	DemoData generate(long seed, boolean relationshipWork) {
		return generate(seed, relationshipWork, null);
	}

	/**
	 * As {@link #generate(long, boolean)}, with each client replaced by {@code reassign} after its relationship history
	 * and before its relationship work: a {@link ScaledBook} block's clients get their new ids and RMs first, so their
	 * contacts, interactions and follow-up are the new client's. Statements, months and tax years keep the block's ids.
	 * With {@code reassign}, no surveys or complaints: they follow the churn patterns, which are keyed by the demo's ids.
	 */
	DemoData generate(long seed, boolean relationshipWork, @Nullable UnaryOperator<Client> reassign) {
		Random random = new Random(seed);
		List<OrgUnit> orgUnits = orgUnits();
		Map<String, List<String>> teamPathByManager = teamPathByManager(orgUnits);

		List<Draft> drafts = new ArrayList<>();
		Set<String> names = new HashSet<>();
		List<String> primaries = primaries(random);
		for (int i = 0; i < primaries.size(); i++) {
			drafts.add(draft(random, "C%06d".formatted(i + 1), primaries.get(i), names));
		}
		assignCoManagers(random, drafts);
		rate(random, drafts);

		// Profiles (address, founding date, legal representative) draw from their own stream: adding them left every
		// other value of the book as it was.
		Random profiles = new Random(seed + 1);
		Set<String> usccs = new HashSet<>();
		List<Client> clients = new ArrayList<>();
		List<FinancialStatement> statements = new ArrayList<>();
		for (Draft draft : drafts) {
			draft.lifecycle = lifecycle(random, draft);
			String uscc = uscc(random, draft, usccs);
			ValueTier valueTier = valueTier(draft);
			ClientAssignment assignment = new ClientAssignment(draft.primary,
					(draft.coManager != null) ? List.of(draft.coManager) : List.of());
			clients.add(new Client(draft.id, draft.name, uscc, draft.industry, draft.place.division(),
					Regions.ofDivision(draft.place.division()), draft.size, draft.lifecycle, valueTier, draft.risk,
					draft.primary, assignment.coManagers(), assignment.managerUsernames(),
					assignment.orgUnits(teamPathByManager), address(profiles, draft.place), foundedOn(profiles, uscc),
					latestEmployees(draft), legalRepresentative(profiles), null, null, null, null));
			statements.addAll(draft.statements);
		}

		// The relationship side (onboarding dates, monthly figures, tax years) draws from a third stream, after
		// everything else: adding it left every other value of the book as it was.
		Random relationships = new Random(seed + 2);
		Map<String, Move> moves = movers(clients);
		List<RelationshipMetrics> metrics = new ArrayList<>();
		List<TaxRecord> taxRecords = new ArrayList<>();
		List<List<LocalDate>> contactDays = new ArrayList<>();
		for (int i = 0; i < clients.size(); i++) {
			Client client = clients.get(i);
			RelationshipHistory.Result history = RelationshipHistory.of(relationships, client, drafts.get(i).statements,
					CHURN_PATTERNS.getOrDefault(client.id(), Set.of()), moves.get(client.id()));
			clients.set(i, withRelationship(client, history.onboardedOn(), null));
			metrics.addAll(history.months());
			taxRecords.addAll(history.taxRecords());
			contactDays.add(history.contactDays());
		}

		// The relationship work (contacts, interactions, follow-ups) draws from a fourth stream, on the contact days of
		// the figures: adding it left every other value of the book as it was.
		List<Contact> contacts = new ArrayList<>();
		List<Interaction> interactions = new ArrayList<>();
		if (relationshipWork) {
			Random work = new Random(seed + 3);
			for (int i = 0; i < clients.size(); i++) {
				Client client = (reassign != null) ? reassign.apply(clients.get(i)) : clients.get(i);
				RelationshipWork.Result result = RelationshipWork.of(work, client, contactDays.get(i), this.followUps);
				clients.set(i, withRelationship(client, client.onboardedOn(), result.followUp()));
				contacts.addAll(result.contacts());
				interactions.addAll(result.interactions());
			}
		}

		// The feedback (surveys, complaints) draws from a fifth stream, after the figures it agrees with: adding it left
		// every other value of the book as it was.
		List<SurveyResult> surveys = new ArrayList<>();
		List<Complaint> complaints = new ArrayList<>();
		if (relationshipWork && reassign == null) {
			Random feedback = new Random(seed + 4);
			Map<String, List<RelationshipMetrics>> monthsByClient = new LinkedHashMap<>();
			metrics.forEach(month -> monthsByClient.computeIfAbsent(month.clientId(), id -> new ArrayList<>()).add(month));
			for (Client client : clients) {
				DemoFeedback.Result result = DemoFeedback.of(feedback, client, monthsByClient.get(client.id()),
						CHURN_PATTERNS.getOrDefault(client.id(), Set.of()), this.complaintSla);
				surveys.addAll(result.surveys());
				complaints.addAll(result.complaints());
			}
		}
		return new DemoData(orgUnits, MANAGERS, clients, statements, metrics, taxRecords, contacts, interactions,
				surveys, complaints);
	}

	/**
	 * The tier movers: among clients with a steady relationship (MATURE, AT_RISK) and no churn pattern, the
	 * {@value #MOVERS_UP} closest below a tier boundary (scores 54-60 and 74-80) improve, and the
	 * {@value #MOVERS_DOWN} closest above one (60-66 and 80-86) decline.
	 */
	static Map<String, Move> movers(List<Client> clients) {
		List<Client> steady = clients.stream()
			.filter(client -> client.valueTier() != null && !CHURN_PATTERNS.containsKey(client.id())
					&& (client.lifecycleStage() == LifecycleStage.MATURE
							|| client.lifecycleStage() == LifecycleStage.AT_RISK))
			.toList();
		Map<String, Move> moves = new LinkedHashMap<>();
		steady.stream()
			.filter(client -> belowBoundary(client) > 0 && belowBoundary(client) <= 6)
			.sorted(Comparator.comparingDouble(DemoDataGenerator::belowBoundary).thenComparing(Client::id))
			.limit(MOVERS_UP)
			.forEach(client -> moves.put(client.id(), Move.UP));
		steady.stream()
			.filter(client -> aboveBoundary(client) >= 0 && aboveBoundary(client) < 6)
			.sorted(Comparator.comparingDouble(DemoDataGenerator::aboveBoundary).thenComparing(Client::id))
			.limit(MOVERS_DOWN)
			.forEach(client -> moves.put(client.id(), Move.DOWN));
		return moves;
	}

	/** Points below the next tier boundary (60 or 80); 0 or less when not just below one. */
	private static double belowBoundary(Client client) {
		double score = client.valueTier().score().doubleValue();
		return (score < 60) ? 60 - score : (score < 80) ? 80 - score : 0;
	}

	/** Points above the tier boundary the client is in (60 or 80); negative for tier C. */
	private static double aboveBoundary(Client client) {
		double score = client.valueTier().score().doubleValue();
		return (score >= 80) ? score - 80 : (score >= 60) ? score - 60 : -1;
	}

	private static Client withRelationship(Client client, @Nullable LocalDate onboardedOn, @Nullable FollowUp followUp) {
		return new Client(client.id(), client.name(), client.uscc(), client.industry(), client.adminDivision(),
				client.region(), client.size(), client.lifecycleStage(), client.valueTier(), client.risk(),
				client.primaryManager(), client.coManagers(), client.managerUsernames(), client.orgUnits(),
				client.registeredAddress(), client.foundedOn(), client.employees(), client.legalRepresentative(),
				client.sizeBasis(), onboardedOn, followUp, client.version());
	}

	/** Each RM's team path, root first, as {@link ClientAssignment#orgUnits(Map)} needs it. */
	public static Map<String, List<String>> teamPathByManager(List<OrgUnit> orgUnits) {
		Map<String, List<String>> paths = new LinkedHashMap<>();
		for (RelationshipManager manager : MANAGERS) {
			OrgUnit team = orgUnits.stream()
				.filter(unit -> unit.code().equals(manager.teamCode()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no team " + manager.teamCode()));
			paths.put(manager.username(), team.path());
		}
		return paths;
	}

	// ---- Steps ---------------------------------------------------------------------------------------------

	private static List<OrgUnit> orgUnits() {
		return DemoDirectory.get().units();
	}

	private static List<String> primaries(Random random) {
		List<String> primaries = new ArrayList<>();
		PRIMARY_COUNTS.forEach((username, count) -> primaries.addAll(Collections.nCopies(count, username)));
		if (primaries.size() != CLIENT_COUNT) {
			throw new IllegalStateException("primary counts add up to " + primaries.size());
		}
		Collections.shuffle(primaries, random);
		return primaries;
	}

	private Draft draft(Random random, String id, String primary, Set<String> names) {
		Draft draft = new Draft(id, primary);
		draft.place = place(random, teamOf(primary));
		Profile profile = pick(random, PROFILES);
		String section = this.catalog.division(profile.division())
			.orElseThrow(() -> new IllegalStateException("not in the catalog: " + profile.division()))
			.sectionLetter();
		draft.industry = new Industry(section, profile.division());
		financials(random, draft, profile);
		draft.name = name(random, draft, profile, names);
		return draft;
	}

	private static Place place(Random random, String team) {
		double roll = random.nextDouble();
		return switch (team) {
			case "SH-PD-T1", "SH-PD-T2" -> (roll < 0.55) ? PUDONG
					: (roll < 0.75) ? oneOf(random, SHANGHAI) : oneOf(random, OUTSIDE_SHANGHAI);
			case "SH-HP-T1" -> (roll < 0.40) ? HUANGPU
					: (roll < 0.75) ? oneOf(random, SHANGHAI) : oneOf(random, OUTSIDE_SHANGHAI);
			case "BJ-HD-T1" -> (roll < 0.50) ? HAIDIAN
					: (roll < 0.75) ? oneOf(random, BEIJING) : oneOf(random, OUTSIDE_BEIJING);
			default -> throw new IllegalStateException("unknown team " + team);
		};
	}

	/**
	 * Four fiscal years, worked backwards from 2025: revenue between 2 million and 20 billion yuan, about
	 * uniform in log scale with a lean to the small end, a growth trend with yearly noise, margin and debt
	 * ratio around the industry's typical values; about one in ten loses money in 2025 and one in twenty-five is
	 * distressed (debt ratio above 0.85 and losing money).
	 */
	private void financials(Random random, Draft draft, Profile profile) {
		double log10Revenue = 6.3 + 4.0 * StrictMath.pow(random.nextDouble(), 1.2);
		double revenue2025 = StrictMath.pow(10, log10Revenue);
		double revenuePerHead = between(random, profile.revenuePerHead()) * 10_000;
		int employees2025 = Math.max(3, (int) Math.round(revenue2025 / revenuePerHead));
		double assetsToRevenue = between(random, profile.assetsToRevenue());
		double trend = 0.06 + random.nextGaussian() * 0.10;
		double roll = random.nextDouble();
		draft.distressed = roll < 0.04;
		boolean lossMaking = draft.distressed || roll < 0.11;
		double margin2025 = lossMaking ? Math.min(-0.005, -0.05 + random.nextGaussian() * 0.04)
				: Math.max(0.003, profile.margin() * (0.5 + random.nextDouble()) + random.nextGaussian() * 0.015);
		double debt2025 = draft.distressed ? 0.86 + random.nextDouble() * 0.12 : between(random, profile.debt());
		double currentShare = "70".equals(profile.division()) ? 0.75 + random.nextDouble() * 0.15
				: 0.35 + random.nextDouble() * 0.40;
		double currentLiabilityShare = 0.50 + random.nextDouble() * 0.40;

		double revenue = revenue2025;
		double margin = margin2025;
		double debt = debt2025;
		double assetsRatio = assetsToRevenue;
		List<FinancialStatement> statements = new ArrayList<>();
		for (int year = PERIODS.size() - 1; year >= 0; year--) {
			int employees = Math.max(3, (int) Math.round(employees2025 * StrictMath.pow(revenue / revenue2025, 0.6)));
			double assets = revenue * assetsRatio;
			double liabilities = assets * debt;
			double netProfit = revenue * margin;
			double cashFlow = netProfit * (0.5 + random.nextDouble()) + revenue * (random.nextDouble() * 0.08 - 0.03);
			double tax = revenue * (0.012 + random.nextDouble() * 0.023) + Math.max(0, netProfit) * 0.3;
			String period = PERIODS.get(year);
			statements.add(new FinancialStatement(draft.id + "-" + period, draft.id, period,
					LocalDate.of(Integer.parseInt(period), 12, 31), CURRENCY, yuan(revenue), yuan(netProfit),
					yuan(assets), yuan(liabilities), yuan(assets * currentShare),
					yuan(liabilities * currentLiabilityShare), yuan(cashFlow), yuan(tax), employees));
			// The year before: undo this year's growth; distress and losses built up, so earlier years were better.
			double growth = Math.max(-0.35, trend + random.nextGaussian() * 0.05);
			revenue = revenue / (1 + growth);
			margin = lossMaking ? margin + 0.015 + random.nextDouble() * 0.02
					: Math.max(0.002, margin + random.nextGaussian() * 0.01);
			debt = draft.distressed ? debt - 0.02 - random.nextDouble() * 0.03
					: Math.min(0.84, Math.max(0.15, debt + random.nextGaussian() * 0.02));
			assetsRatio = assetsRatio * (0.95 + random.nextDouble() * 0.1);
		}
		Collections.reverse(statements);
		draft.statements = List.copyOf(statements);
		FinancialStatement latest = draft.statements.get(draft.statements.size() - 1);
		draft.size = this.classifier.classify(draft.industry, latest.employees(), latest.revenue(),
				latest.totalAssets());
		draft.growth = trend;
		draft.margin = margin2025;
		draft.debtRatio = latest.debtRatio().doubleValue();
		draft.revenue = latest.revenue();
	}

	private static String name(Random random, Draft draft, Profile profile, Set<String> names) {
		for (int attempt = 0; attempt < 200; attempt++) {
			char first = BRAND_FIRST.charAt(random.nextInt(BRAND_FIRST.length()));
			char second = BRAND_SECOND.charAt(random.nextInt(BRAND_SECOND.length()));
			String brand = "" + first + second;
			if (first == second || FAMOUS_BRANDS.contains(brand)) {
				continue;
			}
			double roll = random.nextDouble();
			String form = switch (draft.size) {
				case LARGE -> (roll < 0.3) ? "集团有限公司" : (roll < 0.7) ? "股份有限公司" : "有限公司";
				case MEDIUM -> (roll < 0.3) ? "股份有限公司" : "有限公司";
				default -> "有限公司";
			};
			String name = draft.place.city() + brand + oneOf(random, profile.words()) + form;
			if (names.add(name)) {
				return name;
			}
		}
		throw new IllegalStateException("no unique name for " + draft.id);
	}

	private static void assignCoManagers(Random random, List<Draft> drafts) {
		for (CoRmQuota quota : CO_RM_QUOTAS) {
			List<Draft> candidates = new ArrayList<>();
			for (Draft draft : drafts) {
				if (draft.primary.equals(quota.primary()) && draft.coManager == null) {
					candidates.add(draft);
				}
			}
			Collections.shuffle(candidates, random);
			for (Draft draft : candidates.subList(0, quota.count())) {
				draft.coManager = quota.coManager();
			}
		}
	}

	/**
	 * Ranks clients by a credit score (points for net margin, low debt ratio, size and growth, plus noise for
	 * everything the statements do not show) and hands out grades from best to worst in the book's mix. The
	 * five-category class follows the grade; D is always non-performing, its weakest client a loss.
	 */
	private static void rate(Random random, List<Draft> drafts) {
		for (Draft draft : drafts) {
			draft.creditScore = 200 * clamp(draft.margin, -0.15, 0.20) + 80 * (0.60 - draft.debtRatio)
					+ switch (draft.size) {
						case LARGE -> 12;
						case MEDIUM -> 8;
						case SMALL -> 3;
						case MICRO -> 0;
					} + 30 * clamp(draft.growth, -0.3, 0.3) + 4 * random.nextGaussian();
		}
		List<Draft> ranked = new ArrayList<>(drafts);
		ranked.sort(Comparator.comparingDouble((Draft draft) -> draft.creditScore).reversed());

		Map<CreditRating, Integer> counts = new EnumMap<>(CreditRating.class);
		int assigned = 0;
		for (CreditRating rating : CreditRating.values()) {
			int count = RATING_COUNTS.getOrDefault(rating,
					(int) Math.round(RATING_SHARES.getOrDefault(rating, 0.0) * drafts.size()));
			counts.put(rating, count);
			assigned += count;
		}
		counts.merge(CreditRating.BBB, drafts.size() - assigned, Integer::sum);

		int index = 0;
		for (CreditRating rating : CreditRating.values()) {
			int count = counts.get(rating);
			for (int i = 0; i < count; i++, index++) {
				Draft draft = ranked.get(index);
				boolean weakestDefault = rating == CreditRating.D && i == count - 1;
				FiveCategory category = weakestDefault ? FiveCategory.LOSS : fiveCategory(random, rating);
				draft.risk = new RiskGrade(rating, category, RATED_FROM.plusDays(random.nextInt(365)));
			}
		}
	}

	private static FiveCategory fiveCategory(Random random, CreditRating rating) {
		double roll = random.nextDouble();
		return switch (rating) {
			case AAA, AA, A -> FiveCategory.NORMAL;
			case BBB -> (roll < 0.95) ? FiveCategory.NORMAL : FiveCategory.SPECIAL_MENTION;
			case BB -> (roll < 0.75) ? FiveCategory.NORMAL : FiveCategory.SPECIAL_MENTION;
			case B -> (roll < 0.40) ? FiveCategory.NORMAL
					: (roll < 0.95) ? FiveCategory.SPECIAL_MENTION : FiveCategory.SUBSTANDARD;
			case CCC -> (roll < 0.7) ? FiveCategory.SPECIAL_MENTION : FiveCategory.SUBSTANDARD;
			case CC -> (roll < 0.75) ? FiveCategory.SUBSTANDARD : FiveCategory.DOUBTFUL;
			case C, D -> FiveCategory.DOUBTFUL;
		};
	}

	/** Weak credits are at risk (some already lost); the rest follow the book's usual mix. */
	private static LifecycleStage lifecycle(Random random, Draft draft) {
		double roll = random.nextDouble();
		CreditRating rating = draft.risk.rating();
		if (rating.compareTo(CreditRating.CCC) >= 0) {
			return (roll < 0.8) ? LifecycleStage.AT_RISK : LifecycleStage.CHURNED;
		}
		if (roll < 0.48) {
			return LifecycleStage.MATURE;
		}
		if (roll < 0.73) {
			return LifecycleStage.NEW;
		}
		if (roll < 0.82) {
			return LifecycleStage.PROSPECT;
		}
		if (roll < 0.90) {
			return LifecycleStage.DORMANT;
		}
		return (roll < 0.97) ? LifecycleStage.AT_RISK : LifecycleStage.CHURNED;
	}

	/**
	 * Registration authority 9 (market regulator), type 1 (enterprise), the registered division and an
	 * organisation code: new clients mostly hold post-2015 "MA..." codes, older ones mostly 8-digit codes.
	 */
	private static String uscc(Random random, Draft draft, Set<String> usccs) {
		boolean recent = random.nextDouble() < ((draft.lifecycle == LifecycleStage.NEW) ? 0.8 : 0.3);
		for (int attempt = 0; attempt < 100; attempt++) {
			StringBuilder base = new StringBuilder(8);
			if (recent) {
				base.append("MA");
				for (int i = 0; i < 6; i++) {
					base.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
				}
			}
			else {
				base.append(oneOf(random, ORG_CODE_PREFIXES));
				for (int i = 0; i < 6; i++) {
					base.append((char) ('0' + random.nextInt(10)));
				}
			}
			String code = Uscc.of('9', '1', draft.place.division(), base.toString());
			if (usccs.add(code)) {
				return code;
			}
		}
		throw new IllegalStateException("no unique USCC for " + draft.id);
	}

	/** The seed tier model ({@link SeedTierModel}) over the latest statement and the lifecycle stage. */
	private static ValueTier valueTier(Draft draft) {
		return SeedTierModel.evaluate(draft.revenue, BigDecimal.valueOf(draft.margin), draft.lifecycle.name(),
				TIER_EVALUATED_ON);
	}

	// ---- Profile: registered address, founding date, headcount, legal representative --------------------------

	private static String address(Random random, Place place) {
		String district = DISTRICTS.get(place.division());
		if (district == null) {
			throw new IllegalStateException("no district name for " + place.division());
		}
		return district + oneOf(random, STREETS) + (1 + random.nextInt(1999)) + "号";
	}

	/**
	 * Post-2015 "MA..." codes belong to companies registered since the USCC began (October 2015); the others were
	 * founded earlier, from 1992. Either way before the first statement (2022).
	 */
	private static LocalDate foundedOn(Random random, String uscc) {
		boolean recent = uscc.startsWith("MA", 8);
		LocalDate from = recent ? LocalDate.of(2015, 10, 1) : LocalDate.of(1992, 1, 1);
		LocalDate to = recent ? LocalDate.of(2021, 12, 31) : LocalDate.of(2015, 9, 30);
		return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
	}

	/** The headcount declared on the client is the latest statement's. */
	private static Integer latestEmployees(Draft draft) {
		return draft.statements.get(draft.statements.size() - 1).employees();
	}

	/** A fictitious person born 1955-1990 with a well-formed GB 11643 ID number (check character included). */
	private static LegalRepresentative legalRepresentative(Random random) {
		String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
				+ GIVEN.charAt(random.nextInt(GIVEN.length()))
				+ ((random.nextDouble() < 0.6) ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
		LocalDate born = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(36 * 365));
		String first17 = oneOf(random, BIRTHPLACES) + born.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ "%03d".formatted(random.nextInt(1000));
		return new LegalRepresentative(name, first17 + IdNumber.checkCharacter(first17));
	}

	// ---- Helpers ---------------------------------------------------------------------------------------------

	/** Mutable while the generator works through its passes; never leaves this class. */
	private static final class Draft {

		final String id;

		final String primary;

		@Nullable String coManager;

		Place place;

		Industry industry;

		String name;

		List<FinancialStatement> statements;

		EnterpriseSize size;

		BigDecimal revenue;

		double margin;

		double debtRatio;

		double growth;

		double creditScore;

		boolean distressed;

		RiskGrade risk;

		LifecycleStage lifecycle;

		Draft(String id, String primary) {
			this.id = id;
			this.primary = primary;
		}

	}

	private static String teamOf(String username) {
		return MANAGERS.stream()
			.filter(manager -> manager.username().equals(username))
			.findFirst()
			.orElseThrow()
			.teamCode();
	}

	private static Profile pick(Random random, List<Profile> profiles) {
		int total = profiles.stream().mapToInt(Profile::weight).sum();
		int roll = random.nextInt(total);
		for (Profile profile : profiles) {
			roll -= profile.weight();
			if (roll < 0) {
				return profile;
			}
		}
		throw new IllegalStateException("weights");
	}

	private static <T> T oneOf(Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	private static double between(Random random, double[] range) {
		return range[0] + random.nextDouble() * (range[1] - range[0]);
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	/** Yuan with two decimals; rounding a double once, at the edge, keeps every stored amount exact. */
	private static BigDecimal yuan(double amount) {
		return BigDecimal.valueOf(Math.round(amount * 100), 2);
	}

	private static List<Place> places(String city, String... divisions) {
		List<Place> places = new ArrayList<>();
		for (String division : divisions) {
			places.add(new Place(division, city));
		}
		return List.copyOf(places);
	}

	private static List<String> words(String... words) {
		return List.of(words);
	}

	private static Profile p(String division, int weight, List<String> words, double revenuePerHeadLow,
			double revenuePerHeadHigh, double assetsToRevenueLow, double assetsToRevenueHigh, double margin,
			double[] debt) {
		return new Profile(division, weight, words, new double[] { revenuePerHeadLow, revenuePerHeadHigh },
				new double[] { assetsToRevenueLow, assetsToRevenueHigh }, margin, debt);
	}

	@SuppressWarnings("unchecked")
	private static <K, V> Map<K, V> orderedMap(Object... keysAndValues) {
		Map<K, V> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

}
