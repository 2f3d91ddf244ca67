package org.unionreports.portal.report;

import java.util.List;
import java.util.Optional;

import org.hibernate.Hibernate;

import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.identity.Access;
import org.unionreports.portal.region.Region;

/**
 * Reads reports for pages and the API. Anonymous readers see published reports only; a report that is not
 * published is shown only to users whose regions cover its region, and to nobody else it exists.
 */
@Service
@Transactional(readOnly = true)
public class ReportCatalogue {

	private final ReportRepository reports;

	private final FigureRepository figures;

	private final Access access;

	private final ReportHistory history;

	ReportCatalogue(ReportRepository reports, FigureRepository figures, Access access, ReportHistory history) {
		this.reports = reports;
		this.figures = figures;
		this.access = access;
		this.history = history;
	}

	/** The record of a report: its workflow steps and every change to its content, for users in scope. */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	public Record record(Long reportId) {
		return new Record(this.history.steps(reportId), this.history.changesSince(reportId, 0));
	}

	/** Every change to one figure, oldest first. */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	public List<ReportHistory.Change> figureRecord(Long reportId, Long figureId) {
		return this.history.changesOfFigure(reportId, figureId);
	}

	/** The revisions of a report with what each changed: public once the report is published. */
	public List<ReportHistory.Revision> revisions(Report report) {
		return report.isPublished() || this.access.canRead(report.getRegion()) ? this.history.revisions(report.getId())
				: List.of();
	}

	/** A report's workflow steps and content changes. */
	public record Record(List<ReportHistory.Step> steps, List<ReportHistory.Change> changes) {
	}

	/**
	 * The report with its region, sections and figures loaded, ready to render: if it is published, or the
	 * current user's regions cover it.
	 */
	public Optional<ReportDocument> findVisible(Long id) {
		return this.reports.findWithRegion(id)
			.filter(report -> report.isPublished() || this.access.canRead(report.getRegion()))
			.map(report -> {
			Hibernate.initialize(report.getSections());
			List<Figure> figures = this.figures.findByReport(id);
			return new ReportDocument(report, report.getSections(), figures);
		});
	}

	public List<Report> latestPublished(int count) {
		return this.reports.findLatestPublished(Limit.of(count));
	}

	/** The published reports of the region itself, the latest period first. */
	public List<Report> publishedOf(Region region) {
		return this.reports.findPublishedOf(region.getId());
	}

	public long count() {
		return this.reports.count();
	}

}
