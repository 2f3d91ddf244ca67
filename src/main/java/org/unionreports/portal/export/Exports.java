package org.unionreports.portal.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Dashboard;
import org.unionreports.portal.dashboard.Dashboard.Card;
import org.unionreports.portal.dashboard.Dashboard.Trend;
import org.unionreports.portal.dashboard.Dashboard.View;
import org.unionreports.portal.dashboard.RegionFigures.Line;
import org.unionreports.portal.dashboard.RegionFigures.SubRegionValue;
import org.unionreports.portal.dashboard.RolledUp;
import org.unionreports.portal.export.ExportDocument.ChartData;
import org.unionreports.portal.export.ExportDocument.Row;
import org.unionreports.portal.export.ExportDocument.SectionText;
import org.unionreports.portal.metric.Family;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.report.Figure;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportNotFoundException;
import org.unionreports.portal.report.Section;
import org.unionreports.portal.report.Source;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.SourceWriting;
import org.unionreports.portal.web.FigureText;

/**
 * Gathers what an export of a report or of a region's dashboard carries: the same figures the page shows
 * (a draft only for those who may see it), where they came from and where the page lives.
 */
@Service
@Transactional(readOnly = true)
public class Exports {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final ReportCatalogue reports;

	private final Dashboard dashboard;

	private final MessageSource messages;

	Exports(ReportCatalogue reports, Dashboard dashboard, MessageSource messages) {
		this.reports = reports;
		this.dashboard = dashboard;
		this.messages = messages;
	}

	/** A report as the reader may see it; not found if it is a draft outside the reader's regions. */
	public ExportDocument report(long id, String baseUrl, Locale locale) {
		ReportDocument document = this.reports.findVisible(id).orElseThrow(() -> new ReportNotFoundException(id));
		Report report = document.report();
		Region region = report.getRegion();
		List<Row> rows = new ArrayList<>();
		List<Row> headlines = new ArrayList<>();
		for (Figure figure : document.figures()) {
			Row row = row(figure, region, report.getId());
			rows.add(row);
			if (figure.isCatalogued() && figure.getMetric().isHeadline() && !figure.isTarget() && !figure.isMissing()
					&& figure.getPeriod().equals(report.getPeriod())) {
				headlines.add(row);
			}
		}
		List<SectionText> sections = document.sections()
			.stream()
			.filter(section -> !section.getParagraphs().isEmpty())
			.map(section -> new SectionText(section.getHeading(), section.getParagraphs()))
			.toList();
		View view = this.dashboard.of(region.getCode(), report.getPeriod(), null);
		return new ExportDocument(report.getTitle(), region.getCode(), region.getNameZh(), region.getNameEn(),
				report.getPeriod().toString(), FigureText.period(report.getPeriod(), locale), publishedDay(report),
				source(report.getSource(), locale), message("export.licence", locale), baseUrl + "/reports/" + id, id,
				rows, headlines, sections, charts(view, locale), false);
	}

	/** A region's dashboard for the period asked for (the latest if none): every figure on it. */
	public ExportDocument region(String code, Period period, String baseUrl, Locale locale) {
		View view = this.dashboard.of(code, period, null);
		Region region = view.region();
		List<Row> rows = new ArrayList<>();
		List<Row> headlines = new ArrayList<>();
		Long ownReport = view.ownReport().map(Dashboard.ReportRef::id).orElse(null);
		for (Card card : view.headlines()) {
			Row row = row(card.line(), region, ownReport, locale);
			rows.add(row);
			headlines.add(row);
		}
		for (Map.Entry<Family, List<Card>> family : view.others().entrySet()) {
			family.getValue().forEach(card -> rows.add(row(card.line(), region, ownReport, locale)));
		}
		String periodText = view.period() == null ? "" : FigureText.period(view.period(), locale);
		String title = region.name(locale) + (view.period() == null ? "" : " · " + periodText);
		String permalink = baseUrl + "/regions/" + region.getCode()
				+ (view.period() == null ? "" : "?period=" + view.period());
		LocalDate published = view.hasDrafts() ? null : LocalDate.now(FigureText.CHINA);
		return new ExportDocument(title, region.getCode(), region.getNameZh(), region.getNameEn(),
				view.period() == null ? "" : view.period().toString(), periodText, published,
				message("export.source.dashboard", locale), message("export.licence", locale), permalink, ownReport,
				rows, headlines, List.of(), charts(view, locale), true);
	}

	private Row row(Figure figure, Region region, Long reportId) {
		Amount amount = figure.getAmount();
		Section section = figure.getSection();
		return new Row(section == null ? null : section.getHeading(), figure.getSourceText(), figure.getNumberText(),
				amount.value(), amount.unit(), amount.qualifier().code(),
				figure.isCatalogued() ? figure.getMetric().getKey() : null, figure.getNameZh(), figure.getNameEn(),
				figure.getFamily().code(), figure.getPeriod().toString(), figure.isTarget() ? "target" : figure.getKind().code(),
				figure.getNote(), SourceWriting.write(figure.getNumberText(), amount, figure.getSourceText(), ZH),
				FigureFormat.write(amount, Locale.ENGLISH),
				region.getCode(), region.getNameZh(), reportId);
	}

	private Row row(Line line, Region region, Long ownReport, Locale locale) {
		Combined value = line.value();
		String unit = line.metric().getUnit();
		StringBuilder note = new StringBuilder(message(line.source().messageKey(), locale));
		if (line.valuePeriod() != null && !line.valuePeriod().equals(line.period())) {
			note.append(message("export.value.period", locale, FigureText.period(line.valuePeriod(), locale)));
		}
		if (line.subRegions() > 0 && line.reporting() > 0) {
			note.append(' ').append(message("dashboard.coverage", locale, line.reporting(), line.subRegions()));
		}
		if (line.mismatch()) {
			note.append(' ').append(message("dashboard.mismatch", locale, RolledUp.write(line.own(), unit, locale),
					RolledUp.write(line.fromSubRegions(), unit, locale)));
		}
		if (line.draft()) {
			note.append(' ').append(message("dashboard.draft", locale));
		}
		return new Row(message(line.metric().getFamily().messageKey(), ZH), null, null, value.value(), unit,
				value.qualifier().code(), line.metric().getKey(), line.metric().getNameZh(), line.metric().getNameEn(),
				line.metric().getFamily().code(), line.period().toString(), line.metric().getKind().code(),
				note.toString(), RolledUp.write(value, unit, ZH), RolledUp.write(value, unit, Locale.ENGLISH), region.getCode(),
				region.getNameZh(), line.source() == org.unionreports.portal.dashboard.RegionFigures.Source.OWN ? ownReport : null);
	}

	/** The dashboard's charts: the trends of the headline metrics, and the sub-regions by members. */
	private List<ChartData> charts(View view, Locale locale) {
		List<ChartData> charts = new ArrayList<>();
		for (Trend trend : view.trends()) {
			if (!trend.isDrawable()) {
				continue;
			}
			List<BigDecimal> values = trend.values().stream().map(v -> v == null ? null : v.value()).toList();
			charts.add(new ChartData("line", message("dashboard.trend.caption", locale, trend.metric().name(locale)),
					trend.metric().getUnit(), trend.years().stream().map(Period::toString).toList(), values));
		}
		List<SubRegionValue> ranked = Dashboard.ranking(view.ranked())
			.stream()
			.filter(v -> v.value() != null && v.value().value() != null)
			.toList();
		if (!ranked.isEmpty()) {
			charts.add(new ChartData("bar",
					message("dashboard.ranking.caption", locale, view.ranked().metric().name(locale),
							FigureText.period(view.period(), locale)),
					view.ranked().metric().getUnit(), ranked.stream().map(v -> v.region().name(locale)).toList(),
					ranked.stream().map(v -> v.value().value()).toList()));
		}
		return charts;
	}

	private static LocalDate publishedDay(Report report) {
		return report.isPublished() ? report.getPublishedAt().atZone(FigureText.CHINA).toLocalDate() : null;
	}

	private String source(Source source, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (source.publisher() != null && !source.publisher().isBlank()) {
			parts.add(source.publisher());
		}
		if (source.date() != null) {
			parts.add(source.date().toString());
		}
		if (source.url() != null && !source.url().isBlank()) {
			parts.add(source.url());
		}
		return parts.isEmpty() ? message("export.source.unknown", locale) : String.join(", ", parts);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
