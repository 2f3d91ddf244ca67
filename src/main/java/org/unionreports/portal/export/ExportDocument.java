package org.unionreports.portal.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an export (CSV, XLSX, PDF) carries, for a report or for a region's dashboard: what it is,
 * where it came from and where it lives, the figures, the headline figures, the sections' text and the
 * data of its charts. Written once by {@link Exports}; each format only lays it out.
 *
 * @param title the report's title, or the dashboard's (西安市 · 2018—2022年)
 * @param published the day it was published, or null for a draft (staff only ever see drafts)
 * @param source who published the report (and when, and where), or for a dashboard how it was made
 * @param permalink the permanent address of the page this export is of
 * @param compiled whether the figures were rolled up by the portal (a dashboard) rather than published
 * in one report: then {@code published} is the day they were compiled
 */
public record ExportDocument(String title, String regionCode, String regionNameZh, String regionNameEn, String period,
		String periodText, LocalDate published, String source, String licence, String permalink, Long reportId,
		List<Row> rows, List<Row> headlines, List<SectionText> sections, List<ChartData> charts, boolean compiled) {

	public boolean isDraft() {
		return this.published == null;
	}

	/**
	 * One figure, in the columns of the exchange format (CONTRACT.md) plus where it belongs. {@code written}
	 * is a report's figure as its report wrote it (3200余万元, SourceWriting) or a rolled-up value as the
	 * portal writes it (2.06亿元), {@code writtenEn} in English.
	 */
	public record Row(String section, String text, String numberText, BigDecimal value, String unit, String qualifier,
			String metricKey, String metricZh, String metricEn, String family, String period, String kind, String note,
			String written, String writtenEn, String regionCode, String regionName, Long reportId) {
	}

	public record SectionText(String heading, List<String> paragraphs) {
	}

	/** A chart to draw: bars or a line over categories (years, regions), values in one unit. */
	public record ChartData(String kind, String title, String unit, List<String> categories, List<BigDecimal> values) {
	}

}
