package org.unionreports.portal.dataimport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionreports.portal.dataimport.FigureExtractor.Reason;
import org.unionreports.portal.metric.Metric;

/**
 * Maps a figure onto a catalogue metric only with evidence: its subject (the words before the number in its
 * clause) must name the metric and nothing that changes what is counted. The rules:
 * <ol>
 * <li>a mapping staff confirmed for this label and unit wins;</li>
 * <li>a label equal to a metric's name or other name maps;</li>
 * <li>otherwise the subject, in a canonical word order (工会基层组织 = 基层工会组织, 会员 = 工会会员, 劳模 =
 * 劳动模范), must hold a metric's subject words; what is left of it, once the words that leave the meaning
 * alone (全市, 累计, 已建立, 达到 …) are taken out, must be empty. Anything else left over (新建, 审计, 培训,
 * 女职工, 市级, 专项, 安康杯 …) changes the subject, so the figure stays long-tail with that word as the
 * reason;</li>
 * <li>a subject written after the unit (3.9万个基层工会组织) must be the metric's subject exactly;</li>
 * <li>the metric must accept the figure's unit (个百分点 is a change, never a rate).</li>
 * </ol>
 * A wrong mapping is worse than none: in doubt, the figure stays long-tail. Built once per extraction.
 */
final class MetricMatcher {

	/** Word-order and short-form variants of one subject, rewritten to the catalogue's form. */
	private static final List<Map.Entry<Pattern, String>> CANONICAL = List.of(
			Map.entry(Pattern.compile("新组建|新成立"), "新建"),
			Map.entry(Pattern.compile("工会基层组织|基层工会组织|基层工会|(?<!基层)工会组织"), "基层工会组织"),
			Map.entry(Pattern.compile("(?<!工会)会员总数|(?<!工会)会员"), "工会会员"),
			Map.entry(Pattern.compile("劳模"), "劳动模范"));

	/** Subjects written in another order than the catalogue's name: every word must stand in the subject. */
	private static final Map<String, List<List<String>>> SUBJECT_WORDS = Map.of("cadres_trained",
			List.of(List.of("培训", "工会干部")), "competition_participants",
			List.of(List.of("职工", "参赛"), List.of("参加", "竞赛", "职工")), "legal_aid_cases",
			List.of(List.of("法律援助", "案件")), "households_lifted", List.of(List.of("困难职工", "脱困")));

	/**
	 * Words that leave the subject's meaning alone: scope (全市), time (全年, 五年来, 截至2022年底), existence
	 * (共有, 已建立), and the verbs that say a count was reached or held (达到, 开展, 投入, 表彰 …).
	 */
	private static final Pattern NEUTRAL = Pattern.compile("十[三四五六七]五(?:末|期末|期间|时期)?|下一步|截至|截止|\\d{4}年(?:底|末|度)?|[一二三四五六七八九十\\d]+年(?:来|以来)|"
			+ "近[一二三四五六七八九十\\d]+年|全自治区|全市|全区|全省|全州|全县|全盟|全旗|本市|本区|我市|我区|我省|各级|各类|"
			+ "共有|拥有|现有|实有|共计|合计|总计|累计|先后|全年|年内|当年|今年|去年|上年|本年|年度|目前|现已|已经|已建立|已建成|已组建|已成立|已建|"
			+ "兵地|全疆|线上线下|线上|线下|主题|各项|征集|工会|"
			+ "积极|广泛|深入|大力|持续|不断|扎实|力争|争取|预计|计划|目标|确保|突破|获得者|将|"
			+ "其中|达到|保持在|保持|稳定在|提高到|提升到|提高至|提升至|上升到|上升至|增至|增加到|建成|建设|创建|打造|开展|"
			+ "举办|组织|召开|投入|筹集|筹措|发放|拨付|下拨|完成|实现|表彰|命名|评选|选树|获评|获得|荣获|签订|设立|"
			+ "总数|总量|数量|人数|总|共|有|已|达|为|是|在|的|到|计|约|近|超|逾|上|底|末|年|来|数|[\\p{P}\\p{S}\\s\\d.]");

	/** Words that change what is counted, named in the reason when they are what kept a figure long-tail. */
	private static final Pattern MODIFIER = Pattern.compile("新建|新增|新发展|发展|建立|组建|成立|审计|培训|慰问|覆盖|参加|参与|"
			+ "专项|女职工|农民工|劳动保护|监督检查|委员会|示范|模范|先进|星级|规范化|达标|合格|国家级|全国|省级|自治区级|市级|州级|县级|"
			+ "区级|以上|疗休养|休养|推荐|增长|增加|提高|减少|下降|同比|人均|户均|平均|比例|占|企业|非公|两新|行业|区域|联合");

	/** Who does the counting, not what is counted: 各级工会组织开展…, 市总工会投入… */
	private static final Pattern ACTOR = Pattern.compile("(?:[市区县省州]?总工会|(?:各级|全市|全区|全省)?工会(?:组织)?)(?=(?:共|累计|先后|全年|已|积极|广泛|深入|大力|持续|不断|扎实)*"
			+ "(?:开展|举办|投入|筹集|发放|慰问|帮扶|帮助|服务|培训|推动|打造|创建|实现|完成|表彰|评选|选树|筹措|拨付|下拨|建成|建设|命名|召开))");

	private static final Pattern QUOTES = Pattern.compile("[“”\"‘’「」《》]");

	private static final Pattern QUOTES_AND_BRACKETS = Pattern.compile("[“”\"‘’「」《》()（）]");

	private static final Pattern MARKS = Pattern.compile("[\\p{P}\\s]");

	private record Subject(Metric metric, List<String> words, int weight) {
	}

	private final List<Subject> subjects = new ArrayList<>();

	private final Map<String, Metric> confirmed;

	/**
	 * @param confirmed metrics staff confirmed for a label, keyed by {@link #labelKey}
	 */
	MetricMatcher(List<Metric> metrics, Map<String, Metric> confirmed) {
		this.confirmed = confirmed;
		for (Metric metric : metrics) {
			List<String> names = new ArrayList<>(metric.getAliasesZh());
			names.add(metric.getNameZh());
			for (String name : names) {
				String stem = canonical(name.replaceAll("(?:人数|户数|项数|场次|人次|户次|金额|数)$", ""));
				if (stem.length() >= 2 && this.subjects.stream()
					.noneMatch(s -> s.metric() == metric && s.words().equals(List.of(stem)))) {
					this.subjects.add(new Subject(metric, List.of(stem), stem.length()));
				}
			}
			for (List<String> words : SUBJECT_WORDS.getOrDefault(metric.getKey(), List.of())) {
				List<String> canonicalWords = words.stream().map(MetricMatcher::canonical).toList();
				this.subjects.add(new Subject(metric, canonicalWords,
						canonicalWords.stream().mapToInt(String::length).sum()));
			}
		}
		// the longest subject first: 新建基层工会组织 before 基层工会组织, 新发展工会会员 before 工会会员
		this.subjects.sort(Comparator.comparingInt(Subject::weight).reversed());
	}

	static String labelKey(String label, String unit) {
		return label + "\u0000" + unit;
	}

	/** The mapping found, or none, with its reason. */
	record Match(Metric metric, Reason reason) {
	}

	/**
	 * @param label the figure's label, as shown to staff
	 * @param subject the words before the number in its clause (empty when it names its subject after the unit)
	 * @param afterUnit the words after the unit, used when the subject is empty
	 */
	Match match(String label, String subject, String afterUnit, String unit) {
		Metric remembered = this.confirmed.get(labelKey(label, unit));
		if (remembered != null) {
			return new Match(remembered, new Reason("extract.mapping.confirmed", List.of(label, remembered.getNameZh())));
		}
		if ("个百分点".equals(unit) || "百分点".equals(unit)) {
			return new Match(null, new Reason("extract.mapping.points", List.of()));
		}
		String own = ACTOR.matcher(QUOTES.matcher(subject).replaceAll("")).replaceAll("");
		boolean exactOnly = NEUTRAL.matcher(canonical(own)).replaceAll("").isEmpty();
		String written = canonical(exactOnly ? QUOTES_AND_BRACKETS.matcher(afterUnit).replaceAll("") : own);
		Match refused = null;
		for (Subject candidate : this.subjects) {
			String rest = without(written, candidate.words());
			if (rest == null) {
				continue;
			}
			String left = exactOnly ? MARKS.matcher(rest).replaceAll("") : NEUTRAL.matcher(rest).replaceAll("");
			if (!left.isEmpty()) {
				if (refused == null) {
					refused = new Match(null, new Reason("extract.mapping.modifier",
							List.of(modifier(rest, left), candidate.metric().getNameZh())));
				}
				continue;
			}
			if (!candidate.metric().accepts(unit)) {
				if (refused == null) {
					refused = new Match(null,
							new Reason("extract.mapping.unit", List.of(unit, candidate.metric().getNameZh())));
				}
				continue;
			}
			String key = candidate.words().size() == 1 ? "extract.mapping.name" : "extract.mapping.subject";
			return new Match(candidate.metric(),
					new Reason(key, List.of(candidate.metric().getNameZh(), String.join("、", candidate.words()))));
		}
		return refused != null ? refused : new Match(null, new Reason("extract.mapping.none", List.of()));
	}

	/** The text without one occurrence of each word, or null when a word is not in it. */
	private static String without(String text, List<String> words) {
		String rest = text;
		for (String word : words) {
			int at = rest.indexOf(word);
			if (at < 0) {
				return null;
			}
			rest = rest.substring(0, at) + " " + rest.substring(at + word.length());
		}
		return rest;
	}

	/** The meaning-changing word that is left, or all that is left when it is none of the known ones. */
	private static String modifier(String rest, String left) {
		Matcher known = MODIFIER.matcher(rest);
		return known.find() ? known.group() : left;
	}

	/** A meaning-changing word before the first number of a list item (新建 in 新建工会120家), or "". */
	static String leadingModifier(String item) {
		Matcher number = FIRST_NUMBER.matcher(item);
		String head = number.find() ? item.substring(0, number.start()) : item;
		Matcher known = MODIFIER.matcher(head);
		return known.find() ? known.group() : "";
	}

	private static final Pattern FIRST_NUMBER = Pattern.compile("[\\d零〇一二两三四五六七八九十百千万亿]");

	static String canonical(String text) {
		String result = text;
		for (Map.Entry<Pattern, String> rule : CANONICAL) {
			result = rule.getKey().matcher(result).replaceAll(rule.getValue());
		}
		return result;
	}

}
