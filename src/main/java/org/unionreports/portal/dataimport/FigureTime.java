package org.unionreports.portal.dataimport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionreports.portal.shared.Period;

/**
 * Whether a figure is a target, and the years it is for, read from the sentence it stands in (the
 * simplified text). A sentence of plan and aim (力争, 争取, 预计, 计划, 目标, 确保…达到, 将达到, 到2027年) gives
 * targets for the figures after its cue; the year or span it names ({@code 到2027年}, {@code 2024—2026年},
 * "十四五"末) is the target's period, or none. An achieved figure has no period of its own (it is the report's)
 * unless its clause opens with another year ({@code 2022年，…} in a five-year report). Conservative: "到2022年底"
 * in a report that speaks of 2022 as done is an achievement, and words such as 实际 or 截至 after a cue end it.
 */
final class FigureTime {

	/** What a figure is: achieved or a target, and for which years (null: the report's own period). */
	record When(boolean target, Period period) {
	}

	private static final When ACHIEVED = new When(false, null);

	private static final String SENTENCE_END = "。；;！!？?\n";

	private static final Pattern CUE = Pattern.compile("力争|争取(?=(?:在|到|至)?20\\d\\d|达到|实现|突破|超过|新建|发展|建成)|预计|(?<!完成|按)计划(?!生育|内|外)|(?<!完成|实现|超额完成|超额)目标(?=是|为|[:：]|到|达到)|"
			+ "规划|拟|确保(?=[^，,]{0,20}(?:达到|达|不低于|不少于|实现|保持|突破|超过))|"
			+ "将(?=要?(?:达到|达|突破|超过|新建|建成|实现|增加|增长|完成|开展|举办|培养|发展|投入|覆盖|新增|力争|建设|打造))|"
			+ "(?<!截)(?:到|至)(?<year>20\\d\\d)年(?!以来)|(?:到|至)?[“\"]?(?<plan>十[三四五六七]五)[”\"]?(?:末|期间|时期|期末)");

	private static final Pattern RESET = Pattern.compile("实际|截至|截止|已经|现已");

	private static final Pattern YEAR = Pattern.compile("(?<prefix>截至|截止|力争|争取|预计|计划|[到至])?(?<!\\d)(20\\d\\d)年(?!前|底前|以前)");

	private static final Pattern TARGET_YEARS = Pattern.compile(
			"(?<first>20\\d\\d)\\s*年?\\s*[-—–~至到]\\s*(?<last>20\\d\\d)年|(?<one>20\\d\\d)年|[“\"]?(?<plan>十[三四五六七]五)[”\"]?(?<end>末|期末)?");

	private static final Pattern CLAUSE_YEAR = Pattern.compile(
			"(?:^|[，,；;])\\s*(?:(?<first>20\\d\\d)\\s*年?\\s*[-—–~至到]\\s*)?(?<year>20\\d\\d)年(?:度)?(?:[，,]|全年)");

	private static final int MAX_SENTENCE = 200;

	private final String text;

	/** The latest year the text speaks of other than as a goal: a "到2022年" up to it is achieved. */
	private final int latestYear;

	private FigureTime(String text, int latestYear) {
		this.text = text;
		this.latestYear = latestYear;
	}

	static FigureTime of(String text) {
		int latest = 0;
		Matcher year = YEAR.matcher(text);
		while (year.find()) {
			String prefix = year.group("prefix");
			if (prefix == null || prefix.startsWith("截")) {
				latest = Math.max(latest, Integer.parseInt(year.group(2)));
			}
		}
		return new FigureTime(text, latest);
	}

	/** The figure whose number starts at {@code start}. */
	When at(int start) {
		int from = start;
		while (from > 0 && start - from < MAX_SENTENCE && SENTENCE_END.indexOf(this.text.charAt(from - 1)) < 0) {
			from--;
		}
		String before = this.text.substring(from, start);
		int cueEnd = -1;
		Matcher cue = CUE.matcher(before);
		while (cue.find()) {
			if (cue.group("year") != null && Integer.parseInt(cue.group("year")) <= this.latestYear) {
				continue; // 到2022年底 in a report that speaks of 2022 as done
			}
			if (cue.group("plan") != null && planEnd(cue.group("plan")) <= this.latestYear) {
				continue;
			}
			cueEnd = cue.end();
		}
		if (cueEnd >= 0 && !RESET.matcher(before.substring(cueEnd)).find()) {
			return new When(true, targetPeriod(before));
		}
		Matcher clause = CLAUSE_YEAR.matcher(before);
		Period period = null;
		while (clause.find()) {
			int last = Integer.parseInt(clause.group("year"));
			int first = clause.group("first") != null ? Integer.parseInt(clause.group("first")) : last;
			period = period(first, last);
		}
		return period == null ? ACHIEVED : new When(false, period);
	}

	/** The last year or span the sentence names before the figure: the goal's period. */
	private static Period targetPeriod(String before) {
		Period period = null;
		Matcher years = TARGET_YEARS.matcher(before);
		while (years.find()) {
			if (years.group("first") != null) {
				period = period(Integer.parseInt(years.group("first")), Integer.parseInt(years.group("last")));
			}
			else if (years.group("one") != null) {
				period = period(Integer.parseInt(years.group("one")), Integer.parseInt(years.group("one")));
			}
			else {
				int end = planEnd(years.group("plan"));
				period = years.group("end") != null ? period(end, end) : period(end - 4, end);
			}
		}
		return period;
	}

	/** The last year of a five-year plan: 十四五 is 2021–2025. */
	private static int planEnd(String plan) {
		int number = "三四五六七".indexOf(plan.charAt(1)) + 13;
		return 2005 + 5 * (number - 10);
	}

	private static Period period(int first, int last) {
		try {
			return first <= last ? new Period(first, last) : null;
		}
		catch (IllegalArgumentException outOfRange) {
			return null;
		}
	}

}
