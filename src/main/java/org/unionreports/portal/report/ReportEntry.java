package org.unionreports.portal.report;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.region.Region;
import org.unionreports.portal.shared.Period;

/** Writes reports: creating them, their sections, and storing figures so that a repeated import replaces. */
@Service
@Transactional
public class ReportEntry {

	private final ReportRepository reports;

	private final FigureRepository figures;

	private final FigureLabelRepository labels;

	private final ReportHistory history;

	private final Clock clock;

	ReportEntry(ReportRepository reports, FigureRepository figures, FigureLabelRepository labels,
			ReportHistory history, Clock clock) {
		this.reports = reports;
		this.figures = figures;
		this.labels = labels;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * Creates a draft report for a region in the user's scope.
	 * @throws ReportConflictException when the region already has a report for the period
	 */
	@PreAuthorize("@access.canEdit(#region)")
	public Report create(Region region, Period period, String title, Source source) {
		this.reports.findByRegionAndPeriod(region.getCode(), period.firstYear(), period.lastYear()).ifPresent(existing -> {
			throw new ReportConflictException(existing.getId(),
					region.getNameZh() + " already has a report for " + period + " (report " + existing.getId() + ")");
		});
		Report report = this.reports.save(new Report(region, period, title, source));
		this.history.record(report.getId(), "CREATE", null, ReportStatus.DRAFT, null, Instant.now(this.clock));
		return report;
	}

	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public void addSections(Long reportId, List<SectionText> sections) {
		Report report = loadEditable(reportId);
		sections.forEach(section -> report.addSection(section.heading(), section.narrative()));
	}

	/**
	 * Stores the figures in the report. A figure of the same metric (or label), period and target flag as
	 * one already there replaces it, so importing the same file twice leaves the same figures. A section
	 * heading the report does not have yet becomes a new section at the end.
	 * @return the number of figures stored
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public int storeFigures(Long reportId, List<FigureInput> inputs) {
		Report report = loadEditable(reportId);
		Map<FigureKey, Figure> existing = new HashMap<>();
		for (Figure figure : this.figures.findByReport(reportId)) {
			existing.put(FigureKey.of(figure), figure);
		}
		int nextPosition = report.getFigures().stream().mapToInt(Figure::getPosition).max().orElse(-1) + 1;
		for (FigureInput input : inputs) {
			FigureLabel label = input.longTail() == null ? null : labelFor(input);
			Period period = input.period() != null ? input.period() : report.getPeriod();
			FigureKey key = new FigureKey(input.metric() == null ? null : input.metric().getId(),
					label == null ? null : label.getId(), period, input.target());
			Figure figure = existing.get(key);
			int position = figure != null ? figure.getPosition() : nextPosition++;
			if (figure == null) {
				figure = new Figure(report, input.metric(), label, period, input.target());
				report.addFigure(figure);
				existing.put(key, figure);
			}
			figure.state(input.amount(), sectionFor(report, input.sectionHeading()), input.sourceText(),
					input.numberText(), input.note(), position);
		}
		return inputs.size();
	}

	private FigureLabel labelFor(FigureInput input) {
		FigureInput.LongTail tail = input.longTail();
		String unit = input.amount().unit();
		return this.labels.findByNameZhAndUnit(tail.nameZh(), unit)
			.orElseGet(() -> this.labels.save(new FigureLabel(tail.nameZh(), tail.nameEn(), unit, tail.family(),
					tail.kind())));
	}

	private static Section sectionFor(Report report, String heading) {
		if (heading == null || heading.isBlank()) {
			return null;
		}
		String wanted = heading.strip();
		return report.getSections()
			.stream()
			.filter(section -> section.getHeading().equals(wanted))
			.findFirst()
			.orElseGet(() -> report.addSection(wanted, ""));
	}

	private Report loadEditable(Long reportId) {
		Report report = this.reports.findById(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		if (!report.isEditable()) {
			throw new ReportStateException("report.notEditable",
					"a " + report.getStatus().name().toLowerCase() + " report cannot be changed");
		}
		return report;
	}

	/** A section's heading and narrative, as text. */
	public record SectionText(String heading, String narrative) {
	}

	private record FigureKey(Long metricId, Long labelId, Period period, boolean target) {

		static FigureKey of(Figure figure) {
			return new FigureKey(figure.getMetric() == null ? null : figure.getMetric().getId(),
					figure.getLabel() == null ? null : figure.getLabel().getId(), figure.getPeriod(),
					figure.isTarget());
		}

		FigureKey {
			Objects.requireNonNull(period, "period");
		}

	}

}
