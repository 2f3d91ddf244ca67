package org.unionreports.portal.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.report.Figure;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportNotFoundException;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.SourceWriting;
import org.unionreports.portal.web.FigureText;

/**
 * A few paragraphs made from a report's figures in the register of the reports themselves
 * ("五年来，新疆维吾尔自治区工会会员435万余人，基层工会组织3.9万个……"), in Chinese or English: one sentence
 * a family of figures, the families of the headline three first, qualifiers kept, and the source last.
 */
@Service
@Transactional(readOnly = true)
public class ReportSummary {

	/** How many figures a family's sentence names: more stops reading like a sentence. */
	static final int PER_SENTENCE = 5;

	/** The families of each paragraph. */
	private static final List<List<Family>> PARAGRAPHS = List.of(List.of(Family.MEMBERSHIP, Family.COMPETITION),
			List.of(Family.AID, Family.RIGHTS, Family.SERVICES),
			List.of(Family.HONOURS, Family.IDEOLOGY, Family.REFORM, Family.SELFBUILD, Family.OTHER));

	private final ReportCatalogue reports;

	private final MessageSource messages;

	ReportSummary(ReportCatalogue reports, MessageSource messages) {
		this.reports = reports;
		this.messages = messages;
	}

	public String of(long id, Locale locale) {
		ReportDocument document = this.reports.findVisible(id).orElseThrow(() -> new ReportNotFoundException(id));
		Report report = document.report();
		Language language = "en".equals(locale.getLanguage()) ? new English(report, this.messages) : new Chinese(report);
		Map<Family, List<Figure>> families = byFamily(document);
		List<String> paragraphs = new ArrayList<>();
		boolean first = true;
		for (List<Family> paragraph : PARAGRAPHS) {
			List<String> sentences = new ArrayList<>();
			for (Family family : paragraph) {
				List<Figure> figures = families.getOrDefault(family, List.of());
				if (figures.isEmpty()) {
					continue;
				}
				List<String> clauses = figures.stream().limit(PER_SENTENCE).map(language::clause).toList();
				sentences.add(language.sentence(family, clauses, first));
				first = false;
			}
			if (!sentences.isEmpty()) {
				paragraphs.add(String.join(language.betweenSentences(), sentences));
			}
		}
		if (paragraphs.isEmpty()) {
			paragraphs.add(language.noFigures());
		}
		paragraphs.add(language.source());
		return String.join("\n\n", paragraphs) + "\n";
	}

	/**
	 * How the summary says it in one language: the loop over paragraphs and families is the same in both, the
	 * words, the order within a sentence and the punctuation are the language's.
	 */
	private sealed interface Language {

		/** One figure as a sentence names it. */
		String clause(Figure figure);

		/** A family's sentence of clauses; the summary's first sentence also says where and when. */
		String sentence(Family family, List<String> clauses, boolean first);

		/** What stands between two sentences of a paragraph. */
		String betweenSentences();

		/** The one paragraph of a report without a figure to quote. */
		String noFigures();

		/** The last paragraph: title, publisher and date of the report. */
		String source();

	}

	/** 五年来，新疆维吾尔自治区工会会员435万余人，……: the opening runs into the first sentence, which names no family. */
	private record Chinese(Report report) implements Language {

		@Override
		public String clause(Figure figure) {
			return chineseClause(figure);
		}

		@Override
		public String sentence(Family family, List<String> clauses, boolean first) {
			return (first ? chineseOpening(this.report) + this.report.getRegion().getNameZh() : "")
					+ String.join("，", clauses) + "。";
		}

		@Override
		public String betweenSentences() {
			return "";
		}

		@Override
		public String noFigures() {
			return chineseOpening(this.report) + this.report.getRegion().getNameZh() + "的这份报告没有可以引用的数字。";
		}

		@Override
		public String source() {
			return "（来源：《" + this.report.getTitle() + "》" + ReportSummary.source(this.report, "，", Locale.SIMPLIFIED_CHINESE)
					+ "）";
		}

	}

	/**
	 * "In …, the trade unions of … reported the following." as a sentence of its own, then each family's name
	 * (from the message bundle) before its figures.
	 */
	private record English(Report report, MessageSource messages) implements Language {

		@Override
		public String clause(Figure figure) {
			return englishName(figure) + " " + FigureFormat.write(figure.getAmount(), Locale.ENGLISH);
		}

		@Override
		public String sentence(Family family, List<String> clauses, boolean first) {
			return (first ? "In " + period() + ", the trade unions of " + region() + " reported the following. " : "")
					+ this.messages.getMessage(family.messageKey(), null, Locale.ENGLISH) + ": "
					+ String.join("; ", clauses) + ".";
		}

		@Override
		public String betweenSentences() {
			return " ";
		}

		@Override
		public String noFigures() {
			return "This report of " + region() + " for " + period() + " gives no figures to quote.";
		}

		@Override
		public String source() {
			return "(Source: \"" + this.report.getTitle() + "\"" + ReportSummary.source(this.report, ", ", Locale.ENGLISH)
					+ ")";
		}

		private String region() {
			return this.report.getRegion().getNameEn() == null ? this.report.getRegion().getNameZh()
					: this.report.getRegion().getNameEn();
		}

		private String period() {
			return FigureText.period(this.report.getPeriod(), Locale.ENGLISH);
		}

	}

	/** The report's own achieved figures (not targets, not missing), grouped by family in catalogue order. */
	private static Map<Family, List<Figure>> byFamily(ReportDocument document) {
		Map<Family, List<Figure>> families = new EnumMap<>(Family.class);
		document.figures()
			.stream()
			.filter(f -> !f.isTarget() && !f.isMissing() && f.getPeriod().equals(document.report().getPeriod()))
			.sorted(Comparator.comparing((Figure f) -> !f.isCatalogued())
				.thenComparingInt(f -> f.isCatalogued() ? f.getMetric().getSortOrder() : f.getPosition()))
			.forEach(f -> families.computeIfAbsent(f.getFamily(), k -> new ArrayList<>()).add(f));
		return families;
	}

	/** 五年来， for a span; 2022年， for a year. */
	private static String chineseOpening(Report report) {
		var period = report.getPeriod();
		if (period.isSingleYear()) {
			return period.firstYear() + "年，";
		}
		return new RuleBasedNumberFormat(ULocale.SIMPLIFIED_CHINESE, RuleBasedNumberFormat.SPELLOUT).format(period.years())
				+ "年来（" + FigureText.period(period, Locale.SIMPLIFIED_CHINESE) + "），";
	}

	/** Measure words that a figure's name may end with before 数 (参赛职工人数, 竞赛项数). */
	private static final String MEASURES = "人名个项户家场件次支座条所";

	/**
	 * 工会会员435万余人: the figure's name without what the number and unit after it say again — a trailing
	 * 数 and the measure word before it (参赛职工人数 → 参赛职工200万名), or the unit itself (帮扶困难职工户次 →
	 * 帮扶困难职工46.73万户次) — then the figure as the report writes it.
	 */
	static String chineseClause(Figure figure) {
		String name = figure.getNameZh();
		String unit = figure.getUnit();
		if (name.endsWith("数")) {
			name = name.substring(0, name.length() - 1);
			if (name.length() > 2 && MEASURES.indexOf(name.charAt(name.length() - 1)) >= 0) {
				name = name.substring(0, name.length() - 1);
			}
		}
		else if (name.length() > unit.length() + 1 && name.endsWith(unit)) {
			name = name.substring(0, name.length() - unit.length());
		}
		return name + SourceWriting.write(figure.getNumberText(), figure.getAmount(), figure.getSourceText(),
				Locale.SIMPLIFIED_CHINESE);
	}

	/** ，publisher，date (or ", publisher, date"): what the report says of where it was published. */
	private static String source(Report report, String separator, Locale locale) {
		var source = report.getSource();
		StringBuilder text = new StringBuilder();
		if (source.publisher() != null && !source.publisher().isBlank()) {
			text.append(separator).append(source.publisher());
		}
		if (source.date() != null) {
			text.append(separator).append(FigureText.date(source.date(), locale));
		}
		return text.toString();
	}

	/** A catalogue metric's English name in running text (union members); a report's own label as it is. */
	private static String englishName(Figure figure) {
		String name = figure.getNameEn() == null || figure.getNameEn().isBlank() ? figure.getNameZh() : figure.getNameEn();
		if (!figure.isCatalogued() || name.length() < 2 || !Character.isLowerCase(name.charAt(1))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
