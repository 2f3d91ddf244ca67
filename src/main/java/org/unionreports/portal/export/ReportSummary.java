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
		return "en".equals(locale.getLanguage()) ? english(document) : chinese(document);
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

	private static String chinese(ReportDocument document) {
		Report report = document.report();
		Map<Family, List<Figure>> families = byFamily(document);
		String region = report.getRegion().getNameZh();
		List<String> paragraphs = new ArrayList<>();
		boolean first = true;
		for (List<Family> paragraph : PARAGRAPHS) {
			StringBuilder text = new StringBuilder();
			for (Family family : paragraph) {
				List<Figure> figures = families.getOrDefault(family, List.of());
				if (figures.isEmpty()) {
					continue;
				}
				List<String> clauses = figures.stream().limit(PER_SENTENCE).map(ReportSummary::chineseClause).toList();
				text.append(first ? chineseOpening(report) + region : "").append(String.join("，", clauses)).append("。");
				first = false;
			}
			if (!text.isEmpty()) {
				paragraphs.add(text.toString());
			}
		}
		if (paragraphs.isEmpty()) {
			paragraphs.add(chineseOpening(report) + region + "的这份报告没有可以引用的数字。");
		}
		paragraphs.add("（来源：《" + report.getTitle() + "》" + source(report, "，", Locale.SIMPLIFIED_CHINESE) + "）");
		return String.join("\n\n", paragraphs) + "\n";
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

	private String english(ReportDocument document) {
		Report report = document.report();
		Map<Family, List<Figure>> families = byFamily(document);
		String region = report.getRegion().getNameEn() == null ? report.getRegion().getNameZh()
				: report.getRegion().getNameEn();
		String period = FigureText.period(report.getPeriod(), Locale.ENGLISH);
		List<String> paragraphs = new ArrayList<>();
		boolean first = true;
		for (List<Family> paragraph : PARAGRAPHS) {
			StringBuilder text = new StringBuilder();
			for (Family family : paragraph) {
				List<Figure> figures = families.getOrDefault(family, List.of());
				if (figures.isEmpty()) {
					continue;
				}
				List<String> clauses = figures.stream()
					.limit(PER_SENTENCE)
					.map(f -> englishName(f) + " " + FigureFormat.write(f.getAmount(), Locale.ENGLISH))
					.toList();
				if (first) {
					text.append("In ").append(period).append(", the trade unions of ").append(region)
						.append(" reported the following.");
				}
				text.append(' ')
					.append(this.messages.getMessage(family.messageKey(), null, Locale.ENGLISH))
					.append(": ")
					.append(String.join("; ", clauses))
					.append('.');
				first = false;
			}
			if (!text.isEmpty()) {
				paragraphs.add(text.toString().strip());
			}
		}
		if (paragraphs.isEmpty()) {
			paragraphs.add("This report of " + region + " for " + period + " gives no figures to quote.");
		}
		paragraphs.add("(Source: \"" + report.getTitle() + "\"" + source(report, ", ", Locale.ENGLISH) + ")");
		return String.join("\n\n", paragraphs) + "\n";
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
