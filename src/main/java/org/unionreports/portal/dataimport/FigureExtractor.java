package org.unionreports.portal.dataimport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.FigureFormat.NumberSpan;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

/**
 * Proposes the figures of a report's text: every number that counts something, with its exact value,
 * unit, qualifier, the span of the original text it stands in, the section it stands in, and a
 * catalogue metric or a long-tail label. The rules are those of how Chinese reports write figures, not
 * of any one report:
 * <ul>
 * <li>a figure is a number followed by a measure word or a money unit (人, 个, 场次, 万元 …) or a percent
 * sign; a number with 万 or 亿 directly before a word for people (46.6万女职工) counts people;</li>
 * <li>dates, years and spans of years have no measure word and are not proposed; neither are ordinals
 * (第十三次), numerals inside names and slogans (十四五, 四史, “五个坚决”), 一 used as an article (一批,
 * 一支), nor a bare round 千/万 opening a clause, which names a campaign (千名劳模进校园) rather than counts;</li>
 * <li>a number whose leading digits were lost in copying ({@code ?2个}) is proposed without a value, and so is a
 * vague one (数百场, 几十家, 数千人): no exact value is invented; 上百/上千 are 100/1000 以上;</li>
 * <li>成 is tenths (九成 = 90%, 近两成 = 近20%); 个百分点 is a change in points, kept in that unit;</li>
 * <li>numerals that are part of a name (八项规定, “三个一”, 两个维护) are not figures;</li>
 * <li>sentences of plan and aim give targets ({@link FigureTime}); the catalogue metric is proposed only with
 * evidence ({@link MetricMatcher}), and each proposal says why it maps or not;</li>
 * <li>the quote, the number as written and the context are in the original's script, without web noise.</li>
 * </ul>
 */
@Component
public class FigureExtractor {

	/** Measure words and units, longest first so that 人次 wins over 人. */
	private static final List<String> UNITS = List.of("个百分点", "万平方米", "元/人/年", "元/人/月", "平方米", "百分点", "元/人",
			"人次", "户次", "场次", "批次", "件次", "家次", "个次", "队次", "班次", "期次", "课时", "学时", "小时", "公里", "大类", "人",
			"名", "位", "个", "家", "项", "场", "次", "户", "元", "份", "件", "条", "支", "批", "册", "所", "座", "处", "期", "篇", "类",
			"套", "台", "辆", "间", "张", "本", "种", "起", "例", "%");

	/** What follows a small number and its measure word when they name something (八项规定, 两个维护). */
	private static final Pattern NAME_TAIL = Pattern.compile("规定|意识|自信|维护|确立|代表|坚决|务必|禁令|纪律|必须|一百年|[一二三四五六七八九十]");

	/** What follows 成 when it is not tenths (完成, 成为, 成果 …). */
	private static final String NOT_TENTHS = "为立果效员绩功本就熟长型交";

	/** Words for people that stand for the unit 人 after a large number (46.6万女职工). */
	private static final List<String> PEOPLE = List.of("女职工", "职工", "工人", "会员", "农民工", "劳动者", "干部", "人员", "党员",
			"群众");

	/** Where a clause breaks, quotation marks and brackets included (characters, checked one by one). */
	private static final String CLAUSE_BREAK = ",，。;；:：、!！?？\n“”\"()（）《》";

	/** Where a clause ends (quotation marks and brackets do not end it). */
	private static final String CLAUSE_END = ",，。;；:：、!！?？\n";

	private static final Pattern LABEL_TAIL = Pattern.compile("(?:保持在|稳定在|提高到|提升到|提高至|提升至|达到|达|为|共|约|超过|近|超|逾|突破|上|累计|共计|合计|总计|计|等|分别|其中|有)+$");

	private static final Pattern QUOTES = Pattern.compile("[“”\"()（）《》]");

	private static final Pattern AFTER_UNIT_HEAD = Pattern.compile("^(?:的|等|余|多|左右|以上)+");

	private static final Pattern MULTIPLIED = Pattern.compile(".*[万亿萬億].*");

	/** What a clause often begins with before it names what it counts. */
	/** Nouns that say nothing alone: 帮扶资金 stays 帮扶资金, never 资金. */
	private static final Pattern GENERIC_NOUN = Pattern.compile("资金|经费|金额|款项|物资|活动|人数|人次|户数|职工|项目");

	private static final Pattern LEADING_VERBS = Pattern.compile(
			"^(?:(?:各级|全市|全区|全省|全州|全县)?(?:总工会|工会)(?=将|共|累计|已|全年|积极|开展|举办|组织|投入|新建|发放|慰问|帮扶|筹集|培训)|"
					+ "[“\"]?十[三四五六七]五[”\"]?(?:末|期间|时期)?|(?:到|至|截至)?20\\d\\d年(?:底|末|度)?|末|期间|以来|年底|达成|其中|共|累计|共计|合计|全年|全市|全区|全省|全州|全县|全国|各级|每年|先后|已|并|还|同时|组织|开展|建立|建成|建设|组建|"
					+ "投入|筹集|发放|培训|举办|推动|完成|实现|达到|达|有|为|向|对|在|帮助|帮扶|慰问|吸引|带动|服务|覆盖|选树|评选|"
					+ "表彰|推荐|获评|打造|创建|成立|召开|提供|接待|签订|报销|返还|列支|安排|拨付|协调|征集|出台|制定|选派|配备|补充|"
					+ "命名|授予|受理|办理|处理|调处|化解|新增|分别|积极|广泛|深入|大力|持续|不断|扎实|力争|争取|预计|计划|确保|将|计|等)");

	/** Words that cannot be a label on their own (a fragment left when the clause names nothing). */
	private static final Pattern FRAGMENT = Pattern.compile("[\\p{P}\\s\\d.]*|.?[计等共达为约近超逾上及和与其中个名家项人次]*|命名|授予|其中|分别|合计|共计|总计|累计");

	private final MetricCatalogue catalogue;

	private final LabelMappings mappings;

	private final PlaceNames places;

	/** How long each text takes: {@code portal.extraction}, whichever page or API asked. */
	private final Timer extractions;

	/** An extractor without remembered label mappings (tests that run without a database), its times kept apart. */
	FigureExtractor(MetricCatalogue catalogue) {
		this(catalogue, LabelMappings.NONE, PlaceNames.NONE, new SimpleMeterRegistry());
	}

	@Autowired
	FigureExtractor(MetricCatalogue catalogue, LabelMappings mappings, PlaceNames places, MeterRegistry meters) {
		this.catalogue = catalogue;
		this.mappings = mappings;
		this.places = places;
		this.extractions = Timer.builder("portal.extraction")
			.description("Report texts read for their sections and figures")
			.register(meters);
	}

	/** Why: a message key of the bundles and its arguments, for a person to read in either language. */
	public record Reason(String key, List<String> args) {

		public Object[] arguments() {
			return this.args.toArray();
		}

	}

	/**
	 * A proposed figure. {@code start} and {@code end} are offsets into the original text (UTF-16): the first
	 * character of the quote and just after its last; {@code text} is that span without web noise (pinyin
	 * readings), in the original's script, so it may be shorter than the span. {@code numberText} is the
	 * number as the source wrote it (its script, without noise). {@code target} says the sentence gives a
	 * plan or aim; {@code period} the year or span the figure is for, or null for the report's own.
	 * {@code reason} says why the figure maps to {@code metric} or stays a long-tail {@code label};
	 * {@code note} says what to know about the value (a vague number proposed without one), or is null.
	 */
	public record Proposal(String section, int start, int end, String text, String numberText, Amount amount,
			Metric metric, String label, String context, boolean target, Period period, Reason reason, Reason note) {

		public String metricZh() {
			return this.metric != null ? this.metric.getNameZh() : this.label;
		}

	}

	/** The sections of the text and the figures proposed in them. */
	public record Extraction(List<ReportText.Part> sections, List<Proposal> figures) {
	}

	public Extraction extract(String original, String leadHeading) {
		return this.extractions.record(() -> readText(original, leadHeading));
	}

	private Extraction readText(String original, String leadHeading) {
		CleanText clean = CleanText.of(original);
		String text = clean.text();
		List<ReportText.Part> sections = ReportText.outline(original, null, leadHeading);
		MetricMatcher matcher = matcher();
		FigureTime time = FigureTime.of(text);
		List<Proposal> proposals = new ArrayList<>();
		for (NumberSpan span : FigureFormat.find(text)) {
			proposal(original, clean, text, span, sections, matcher, time).ifPresent(proposals::add);
		}
		proposals.sort(Comparator.comparingInt(Proposal::start));
		return new Extraction(sections, proposals);
	}

	private MetricMatcher matcher() {
		List<Metric> all = this.catalogue.all();
		Map<Long, Metric> byId = new HashMap<>();
		all.forEach(metric -> byId.put(metric.getId(), metric));
		Map<String, Metric> confirmed = new HashMap<>();
		this.mappings.confirmed().forEach((label, id) -> {
			if (byId.containsKey(id)) {
				confirmed.put(label, byId.get(id));
			}
		});
		return new MetricMatcher(all, confirmed, this.places.names());
	}

	private Optional<Proposal> proposal(String original, CleanText clean, String text, NumberSpan span,
			List<ReportText.Part> sections, MetricMatcher matcher, FigureTime time) {
		int end = span.end();
		int numberStart = span.start();
		String unit;
		BigDecimal value = span.number().value();
		boolean percent = span.number().percent();
		boolean tenths = !percent && isTenths(text, span);
		if (percent) {
			unit = "%";
		}
		else if (tenths) {
			unit = "%";
			value = value.multiply(BigDecimal.TEN);
			end += 1;
		}
		else {
			unit = unitAt(text, end);
			if (unit != null) {
				end += unit.length();
			}
			else if (!span.numeralsOnly() && MULTIPLIED.matcher(span.written()).matches() && personAt(text, end)) {
				unit = "人";
			}
			else {
				return Optional.empty();
			}
		}
		boolean vague = isVague(text, span);
		if (vague) {
			numberStart--;
		}
		else if (isOrdinal(text, span) || isArticle(text, span, unit) || isInsideName(text, span) || isCampaign(text, span)
				|| isPartOfName(text, span, end)) {
			return Optional.empty();
		}
		Qualifier qualifier = span.number().qualifier();
		Optional<Map.Entry<Qualifier, Integer>> after = FigureFormat.qualifierAt(text, end);
		if (after.isPresent() && qualifier.isExact()) {
			qualifier = after.get().getKey();
			end += after.get().getValue();
		}
		Reason note = null;
		Amount amount;
		if (vague) {
			// 数百场 says "some hundreds": no value may be invented, and the figure is about that many
			amount = new Amount(null, unit, Qualifier.YUE);
			note = new Reason("extract.note.vague", List.of(text.substring(numberStart, span.end())));
		}
		else if (isGarbled(text, span.start())) {
			amount = Amount.missing(unit);
			note = new Reason("extract.note.garbled", List.of());
		}
		else {
			amount = new Amount(value, unit, qualifier);
		}
		int start = clean.original(numberStart);
		int originalEnd = clean.originalEnd(end);
		String carried = carriedSubject(text, numberStart);
		String label = carried != null ? clauseLabel(carried) : label(text, numberStart, end);
		MetricMatcher.Match match = matcher.match(label,
				carried != null ? carried + subject(text, numberStart) : mappingSubject(text, numberStart),
				afterUnit(text, end), amount.unit());
		FigureTime.When when = time.at(numberStart);
		return Optional.of(new Proposal(sectionAt(sections, start), start, originalEnd,
				CleanText.withoutReadings(original.substring(start, originalEnd)), numberText(original, clean, text, numberStart, tenths ? span.end() + 1 : span.end()),
				amount, match.metric(), label, originalContext(original, clean, text, numberStart, end), when.target(),
				when.period(), match.reason(), note));
	}

	/** The number as the source wrote it, in its script, without noise and without 达 (which only says exact). */
	private static String numberText(String original, CleanText clean, String text, int numberStart, int numberEnd) {
		int from = numberStart;
		for (String exact : List.of("达到", "达")) {
			if (text.startsWith(exact, from) && from + exact.length() < numberEnd) {
				from += exact.length();
				break;
			}
		}
		return CleanText.withoutReadings(original.substring(clean.original(from), clean.originalEnd(numberEnd)));
	}

	/** The clause around the figure, as the original writes it (its script, without noise). */
	private static String originalContext(String original, CleanText clean, String text, int start, int end) {
		int[] bounds = contextBounds(text, start, end);
		if (bounds[1] <= bounds[0]) {
			return "";
		}
		return CleanText.withoutReadings(original.substring(clean.original(bounds[0]), clean.originalEnd(bounds[1]))).strip();
	}

	/** The words before the number in its clause, quotation marks and all: what the figure counts, and how. */
	private static String subject(String text, int start) {
		int from = start;
		while (from > 0 && CLAUSE_END.indexOf(text.charAt(from - 1)) < 0 && start - from < 30) {
			from--;
		}
		return text.substring(from, start).strip();
	}

	/**
	 * The subject for mapping: in a list joined by 、 the verb of its first item goes on for the next ones
	 * (新建工会120家、会员5000人 counts new members), so a meaning-changing word there stands before this one.
	 */
	private static String mappingSubject(String text, int start) {
		String own = subject(text, start);
		int clause = start - own.length();
		while (clause > 0 && Character.isWhitespace(text.charAt(clause - 1))) {
			clause--;
		}
		if (clause == 0 || text.charAt(clause - 1) != '、') {
			return own;
		}
		String previous = subject(text, clause - 1);
		return MetricMatcher.leadingModifier(previous) + own;
	}

	/**
	 * The subject a clause that only says "in total" takes from the clause before it: in 全年建成女职工休息哺乳室126个，
	 * 累计达到1080个 the total counts 女职工休息哺乳室 too (what was added in the year is the other figure's
	 * business, so the words of adding are left out). Null where the clause names its own subject.
	 */
	private static String carriedSubject(String text, int start) {
		String own = subject(text, start);
		if (!MetricMatcher.saysOnlyTotal(own)) {
			return null;
		}
		int clause = start - own.length();
		while (clause > 0 && Character.isWhitespace(text.charAt(clause - 1))) {
			clause--;
		}
		if (clause == 0 || (text.charAt(clause - 1) != '，' && text.charAt(clause - 1) != ',')) {
			return null;
		}
		String previous = subject(text, clause - 1);
		Matcher number = FIRST_NUMERAL.matcher(previous);
		String head = number.find() ? previous.substring(0, number.start()) : "";
		String noun = MetricMatcher.withoutAdding(head);
		return noun.length() >= 2 ? noun : null;
	}

	private static final Pattern FIRST_NUMERAL = Pattern.compile("[\\d零〇一二两三四五六七八九十百千万亿]");

	/** The words after the unit, up to the end of the clause. */
	private static String afterUnit(String text, int end) {
		int to = end;
		while (to < text.length() && CLAUSE_END.indexOf(text.charAt(to)) < 0 && to - end < 20) {
			to++;
		}
		return text.substring(end, to).strip();
	}

	/** The words of a clause before its number without the verbs it opens with and the words it ends with. */
	private static String clauseLabel(String clause) {
		String label = LABEL_TAIL.matcher(clause.strip()).replaceAll("").strip();
		// one leading word at a time, keeping at least two characters: 发放慰问金 is 慰问金, not 金
		for (Matcher verb = LEADING_VERBS.matcher(label); verb.lookingAt() && label.length() - verb.end() >= 2
				&& !GENERIC_NOUN.matcher(label.substring(verb.end()).strip()).matches(); verb = LEADING_VERBS.matcher(label)) {
			label = label.substring(verb.end()).strip();
		}
		Matcher only = LEADING_VERBS.matcher(label);
		return only.lookingAt() && only.end() == label.length() ? "" : label;
	}

	/** 九成, 三成以上, 近两成: a numeral of one to ten before 成 (not 完成, 成为 …) is tenths. */
	private static boolean isTenths(String text, NumberSpan span) {
		int end = span.end();
		if (!span.numeralsOnly() || end >= text.length() || text.charAt(end) != '成') {
			return false;
		}
		if (end + 1 < text.length() && NOT_TENTHS.indexOf(text.charAt(end + 1)) >= 0) {
			return false;
		}
		BigDecimal value = span.number().value();
		return value.signum() > 0 && value.compareTo(BigDecimal.TEN) <= 0 && value.stripTrailingZeros().scale() <= 0;
	}

	/** 数百, 数千, 几十, 数十万: a vague number, with no exact value to give. */
	private static boolean isVague(String text, NumberSpan span) {
		return span.bareMultiplier() && span.number().qualifier().isExact() && span.start() > 0
				&& "数几".indexOf(text.charAt(span.start() - 1)) >= 0
				&& !(span.start() > 1 && text.charAt(span.start() - 2) == '以');
	}

	/** 八项规定, “三个一”, 两个维护: a small number and its measure word that are part of a name. */
	private static boolean isPartOfName(String text, NumberSpan span, int end) {
		if (!span.numeralsOnly() || span.number().value().compareTo(BigDecimal.TEN) > 0) {
			return false;
		}
		return end < text.length() && NAME_TAIL.matcher(text).region(end, text.length()).lookingAt();
	}

	private static String unitAt(String text, int index) {
		for (String unit : UNITS) {
			if (text.startsWith(unit, index)) {
				return unit;
			}
		}
		return null;
	}

	private static boolean personAt(String text, int index) {
		return PEOPLE.stream().anyMatch(word -> text.startsWith(word, index));
	}

	/** 第十三次, 第8届: an ordinal, not a count. */
	private static boolean isOrdinal(String text, NumberSpan span) {
		return span.start() > 0 && text.charAt(span.start() - 1) == '第';
	}

	/** 一 before a measure word is mostly an article (一批骨干, 一支队伍), not a count of one. */
	private static boolean isArticle(String text, NumberSpan span, String unit) {
		if (!span.numeralsOnly() || !span.written().equals("一")) {
			return false;
		}
		// 组建选送了一支竞赛队伍: after a finished act (…了) one team, one station is a count of one; 一批 stays a batch
		boolean afterDeed = span.start() > 0 && text.charAt(span.start() - 1) == '了';
		return !afterDeed || "批".equals(unit) || "种".equals(unit) || "类".equals(unit);
	}

	/** Numerals inside a quoted name or slogan (“五个坚决”, 《…三年行动》) name something; they do not count. */
	private static boolean isInsideName(String text, NumberSpan span) {
		if (!span.numeralsOnly()) {
			return false;
		}
		int open = Math.max(Math.max(text.lastIndexOf('“', span.start()), text.lastIndexOf('《', span.start())),
				Math.max(text.lastIndexOf('「', span.start()), text.lastIndexOf('‘', span.start())));
		int close = Math.max(Math.max(text.lastIndexOf('”', span.start()), text.lastIndexOf('》', span.start())),
				Math.max(text.lastIndexOf('」', span.start()), text.lastIndexOf('’', span.start())));
		if (open >= 0 && close < open && span.start() - open <= 12) {
			return true;
		}
		// straight quotes: inside when an odd number of them stands before the number on its line, close by
		int quote = text.lastIndexOf('"', span.start());
		if (quote < 0 || span.start() - quote > 12) {
			return false;
		}
		int line = text.lastIndexOf('\n', span.start()) + 1;
		long quotes = text.substring(line, span.start()).chars().filter(c -> c == '"').count();
		return quotes % 2 == 1;
	}

	/** A bare round 百, 千 or 万 opening a clause names a campaign (千名劳模进企业) rather than counts. */
	private static boolean isCampaign(String text, NumberSpan span) {
		if (!span.bareMultiplier() || !span.number().qualifier().isExact()) {
			return false;
		}
		return span.start() == 0 || CLAUSE_BREAK.indexOf(text.charAt(span.start() - 1)) >= 0
				|| Character.isWhitespace(text.charAt(span.start() - 1));
	}

	/** A question mark or replacement character right before the digits: the leading digits were lost. */
	private static boolean isGarbled(String text, int start) {
		return start > 0 && (text.charAt(start - 1) == '?' || text.charAt(start - 1) == '\uFFFD');
	}

	/** The clause the figure stands in, for the reviewer to read. */
	private static String context(String text, int start, int end) {
		int[] bounds = contextBounds(text, start, end);
		return text.substring(bounds[0], bounds[1]).strip();
	}

	private static int[] contextBounds(String text, int start, int end) {
		int from = start;
		while (from > 0 && CLAUSE_BREAK.indexOf(text.charAt(from - 1)) < 0 && start - from < 40) {
			from--;
		}
		int to = end;
		while (to < text.length() && CLAUSE_BREAK.indexOf(text.charAt(to)) < 0 && to - end < 30) {
			to++;
		}
		return new int[] { from, to };
	}

	/**
	 * What the figure counts: the words before the number in its clause (without the verbs a clause opens
	 * with), or, when there are none, the words after its unit (200多个工种 → 工种).
	 */
	static String label(String text, int start, int end) {
		int from = start;
		while (from > 0 && CLAUSE_BREAK.indexOf(text.charAt(from - 1)) < 0 && start - from < 30) {
			from--;
		}
		String before = clauseLabel(text.substring(from, start));
		if (before.length() >= 2 && !FRAGMENT.matcher(before).matches()) {
			return before;
		}
		// the clause without its quotation marks: 选树“西安工匠”200人 counts 西安工匠; a long one (a list of
		// names before 等) says less than the noun after the unit (…等6项指导性文件)
		String wide = clauseLabel(QUOTES.matcher(subject(text, start)).replaceAll(""));
		boolean wideFits = wide.length() >= 2 && !FRAGMENT.matcher(wide).matches();
		if (wideFits && wide.length() <= 10) {
			return wide;
		}
		int to = end;
		while (to < text.length() && CLAUSE_END.indexOf(text.charAt(to)) < 0 && to - end < 20) {
			to++;
		}
		String afterUnit = QUOTES.matcher(text.substring(end, to)).replaceAll("").strip();
		afterUnit = AFTER_UNIT_HEAD.matcher(afterUnit).replaceFirst("").strip();
		if (!afterUnit.isEmpty() && !FRAGMENT.matcher(afterUnit).matches()) {
			return afterUnit;
		}
		if (wideFits) {
			return wide;
		}
		return before.isEmpty() || FRAGMENT.matcher(before).matches() ? context(text, start, end) : before;
	}

	private static String sectionAt(List<ReportText.Part> sections, int offset) {
		String heading = null;
		for (ReportText.Part part : sections) {
			if (part.start() <= offset) {
				heading = part.heading();
			}
		}
		return heading;
	}

}
