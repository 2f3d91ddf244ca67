package org.unionreports.portal.dataimport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.FigureFormat.NumberSpan;
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
 * <li>a number whose leading digits were lost in copying ({@code ?2个}) is proposed without a value.</li>
 * </ul>
 */
@Component
public class FigureExtractor {

	/** Measure words and units, longest first so that 人次 wins over 人. */
	private static final List<String> UNITS = List.of("人次", "户次", "场次", "批次", "元/人/年", "元/人/月", "元/人", "大类",
			"人", "名", "位", "个", "家", "项", "场", "次", "户", "元", "份", "件", "条", "支", "批", "册", "所", "座", "处", "期",
			"篇", "类", "套", "台", "辆", "间", "张", "本", "种", "起", "例", "%");

	/** Words for people that stand for the unit 人 after a large number (46.6万女职工). */
	private static final List<String> PEOPLE = List.of("女职工", "职工", "工人", "会员", "农民工", "劳动者", "干部", "人员", "党员",
			"群众");

	private static final Pattern CLAUSE_BREAK = Pattern.compile("[,，。;；:：、!！?？\\n“”\"()（）《》]");

	/** Where a clause ends (quotation marks and brackets do not end it). */
	private static final Pattern CLAUSE_END = Pattern.compile("[,，。;；:：、!！?？\\n]");

	/** What a clause often begins with before it names what it counts. */
	private static final Pattern LEADING_VERBS = Pattern.compile(
			"^(?:其中|共|累计|共计|合计|全年|全市|全区|全省|全州|全县|全国|各级|每年|先后|已|并|还|同时|组织|开展|建立|建成|建设|组建|"
					+ "投入|筹集|发放|培训|举办|推动|完成|实现|达到|达|有|为|向|对|在|帮助|帮扶|慰问|吸引|带动|服务|覆盖|选树|评选|"
					+ "表彰|推荐|获评|打造|创建|成立|召开|提供|接待|签订|报销|返还|列支|安排|拨付|协调|征集|出台|制定|选派|配备|补充)+");

	private final MetricCatalogue catalogue;

	FigureExtractor(MetricCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** A proposed figure. {@code start} and {@code end} are offsets into the original text (UTF-16). */
	public record Proposal(String section, int start, int end, String text, String numberText, Amount amount,
			Metric metric, String label, String context) {

		public String metricZh() {
			return this.metric != null ? this.metric.getNameZh() : this.label;
		}

	}

	/** The sections of the text and the figures proposed in them. */
	public record Extraction(List<ReportText.Part> sections, List<Proposal> figures) {
	}

	public Extraction extract(String original, String leadHeading) {
		CleanText clean = CleanText.of(original);
		String text = clean.text();
		List<ReportText.Part> sections = ReportText.outline(original, null, leadHeading);
		MetricCatalogue.Lookup metrics = this.catalogue.snapshot();
		List<Metric> all = this.catalogue.all();
		List<Proposal> proposals = new ArrayList<>();
		for (NumberSpan span : FigureFormat.find(text)) {
			proposal(original, clean, text, span, sections, all, metrics).ifPresent(proposals::add);
		}
		proposals.sort(Comparator.comparingInt(Proposal::start));
		return new Extraction(sections, proposals);
	}

	private Optional<Proposal> proposal(String original, CleanText clean, String text, NumberSpan span,
			List<ReportText.Part> sections, List<Metric> catalogue, MetricCatalogue.Lookup metrics) {
		int end = span.end();
		String unit;
		boolean percent = span.number().percent();
		if (percent) {
			unit = "%";
		}
		else {
			unit = unitAt(text, end);
			if (unit != null) {
				end += unit.length();
			}
			else if (!span.numeralsOnly() && span.written().matches(".*[万亿萬億].*") && personAt(text, end)) {
				unit = "人";
			}
			else {
				return Optional.empty();
			}
		}
		if (isOrdinal(text, span) || isArticle(span) || isInsideName(text, span) || isCampaign(text, span)) {
			return Optional.empty();
		}
		Qualifier qualifier = span.number().qualifier();
		Optional<Map.Entry<Qualifier, Integer>> after = FigureFormat.qualifierAt(text, end);
		if (after.isPresent() && qualifier.isExact()) {
			qualifier = after.get().getKey();
			end += after.get().getValue();
		}
		Amount amount = isGarbled(text, span.start()) ? Amount.missing(unit)
				: new Amount(span.number().value(), unit, qualifier);
		int start = clean.original(span.start());
		int originalEnd = clean.originalEnd(end);
		String context = context(text, span.start(), end);
		String label = label(text, span.start(), end);
		Metric metric = match(label, amount.unit(), catalogue, metrics);
		return Optional.of(new Proposal(sectionAt(sections, start), start, originalEnd, original.substring(start, originalEnd),
				span.written(), amount, metric, label, context));
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
	private static boolean isArticle(NumberSpan span) {
		return span.numeralsOnly() && span.written().equals("一");
	}

	/** Numerals inside a quoted name or slogan (“五个坚决”, 《…三年行动》) name something; they do not count. */
	private static boolean isInsideName(String text, NumberSpan span) {
		if (!span.numeralsOnly()) {
			return false;
		}
		int open = Math.max(text.lastIndexOf('“', span.start()), text.lastIndexOf('《', span.start()));
		if (open < 0) {
			return false;
		}
		int close = Math.max(text.lastIndexOf('”', span.start()), text.lastIndexOf('》', span.start()));
		return close < open && span.start() - open <= 12;
	}

	/** A bare round 百, 千 or 万 opening a clause names a campaign (千名劳模进企业) rather than counts. */
	private static boolean isCampaign(String text, NumberSpan span) {
		if (!span.bareMultiplier() || !span.number().qualifier().isExact()) {
			return false;
		}
		return span.start() == 0 || CLAUSE_BREAK.matcher(String.valueOf(text.charAt(span.start() - 1))).matches()
				|| Character.isWhitespace(text.charAt(span.start() - 1));
	}

	/** A question mark or replacement character right before the digits: the leading digits were lost. */
	private static boolean isGarbled(String text, int start) {
		return start > 0 && (text.charAt(start - 1) == '?' || text.charAt(start - 1) == '\uFFFD');
	}

	/** The clause the figure stands in, for the reviewer to read. */
	private static String context(String text, int start, int end) {
		int from = start;
		while (from > 0 && !CLAUSE_BREAK.matcher(String.valueOf(text.charAt(from - 1))).matches() && start - from < 40) {
			from--;
		}
		int to = end;
		while (to < text.length() && !CLAUSE_BREAK.matcher(String.valueOf(text.charAt(to))).matches() && to - end < 30) {
			to++;
		}
		return text.substring(from, to).strip();
	}

	/**
	 * What the figure counts: the words before the number in its clause (without the verbs a clause opens
	 * with), or, when there are none, the words after its unit (200多个工种 → 工种).
	 */
	static String label(String text, int start, int end) {
		int from = start;
		while (from > 0 && !CLAUSE_BREAK.matcher(String.valueOf(text.charAt(from - 1))).matches() && start - from < 30) {
			from--;
		}
		String before = LEADING_VERBS.matcher(text.substring(from, start).strip()).replaceFirst("");
		before = before.replaceAll("(?:达到|达|为|共|约|超过|近|超|逾|上|累计)+$", "").strip();
		if (before.length() >= 2) {
			return before;
		}
		int to = end;
		while (to < text.length() && !CLAUSE_END.matcher(String.valueOf(text.charAt(to))).matches() && to - end < 20) {
			to++;
		}
		String afterUnit = text.substring(end, to).replaceAll("[“”\"()（）《》]", "").strip();
		if (!afterUnit.isEmpty()) {
			return afterUnit;
		}
		return before.isEmpty() ? context(text, start, end) : before;
	}

	/**
	 * The catalogue metric whose name (without 数, 人数 …) or other name the label holds, among those whose
	 * unit counts the figure's; the longest such name wins. None: the figure stays a long-tail label.
	 */
	private static Metric match(String label, String unit, List<Metric> catalogue, MetricCatalogue.Lookup metrics) {
		Optional<Metric> exact = metrics.byName(label).filter(metric -> metric.accepts(unit));
		if (exact.isPresent()) {
			return exact.get();
		}
		Metric best = null;
		int bestLength = 0;
		for (Metric metric : catalogue) {
			if (!metric.accepts(unit)) {
				continue;
			}
			List<String> names = new ArrayList<>(metric.getAliasesZh());
			names.add(metric.getNameZh());
			for (String name : names) {
				String stem = name.replaceAll("(?:人数|户数|项数|场次|人次|户次|金额|数)$", "");
				if (stem.length() >= 2 && label.contains(stem) && stem.length() > bestLength) {
					best = metric;
					bestLength = stem.length();
				}
			}
		}
		return best;
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
