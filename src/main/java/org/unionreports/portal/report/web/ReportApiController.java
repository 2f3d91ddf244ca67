package org.unionreports.portal.report.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.report.Figure;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportNotFoundException;
import org.unionreports.portal.report.Section;

/** {@code GET /api/reports/{id}}: a published report with its sections and figures (CONTRACT.md). */
@RestController
class ReportApiController {

	private final ReportCatalogue reports;

	ReportApiController(ReportCatalogue reports) {
		this.reports = reports;
	}

	@GetMapping("/api/reports/{id}")
	ReportJson report(@PathVariable Long id) {
		return ReportJson.of(this.reports.findVisible(id).orElseThrow(() -> new ReportNotFoundException(id)));
	}

	record ReportJson(Long id, String regionCode, String regionName, int periodStart, int periodEnd, String title,
			String status, SourceJson source, Instant publishedAt, List<SectionJson> sections,
			List<FigureJson> figures) {

		static ReportJson of(ReportDocument doc) {
			var report = doc.report();
			var source = report.getSource();
			return new ReportJson(report.getId(), report.getRegion().getCode(), report.getRegion().getNameZh(),
					report.getPeriod().firstYear(), report.getPeriod().lastYear(), report.getTitle(),
					report.getStatus().name(), new SourceJson(source.publisher(), source.date(), source.url()),
					report.getPublishedAt(), doc.sections().stream().map(SectionJson::of).toList(),
					doc.figures().stream().map(FigureJson::of).toList());
		}

	}

	record SourceJson(String publisher, LocalDate date, String url) {
	}

	record SectionJson(Long id, int position, String heading, String narrative) {

		static SectionJson of(Section section) {
			return new SectionJson(section.getId(), section.getPosition(), section.getHeading(), section.getNarrative());
		}

	}

	/**
	 * A figure: {@code metricKey} for a catalogue metric it holds, else {@code label} for the long tail;
	 * {@code subject} is what the source says it counts, {@code claimsMetricKey} the catalogue metric it means
	 * while another figure holds it (a conflict for staff to settle), {@code flag} why a figure that breaks a
	 * soft rule is kept (its {@code note} explains).
	 */
	record FigureJson(Long id, String metricKey, String label, String nameZh, String nameEn, String family,
			String kind, BigDecimal value, String unit, String qualifier, boolean missing, boolean target,
			String period, String section, String subject, String text, String numberText, String note,
			String claimsMetricKey, String flag) {

		static FigureJson of(Figure figure) {
			return new FigureJson(figure.getId(), figure.isCatalogued() ? figure.getMetric().getKey() : null,
					figure.isCatalogued() ? null : figure.getLabel().getNameZh(), figure.getNameZh(),
					figure.getNameEn(), figure.getFamily().code(), figure.getKind().code(), figure.getAmount().value(),
					figure.getUnit(), figure.getQualifier().code(), figure.isMissing(), figure.isTarget(),
					figure.getPeriod().toString(), figure.getSection() == null ? null : figure.getSection().getHeading(),
					figure.getSubject(), figure.getSourceText(), figure.getNumberText(), figure.getNote(),
					figure.isInConflict() ? figure.getMeantMetric().getKey() : null,
					figure.getFlag() == null ? null : figure.getFlag().code());
		}

	}

}
