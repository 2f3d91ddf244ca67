package org.unionreports.portal.report;

import java.util.List;
import java.util.Optional;

import org.hibernate.Hibernate;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.region.Region;

/**
 * Reads reports for pages and the API. Anonymous readers see published reports only; drafts are for the
 * staff and leaders in scope, which comes with the access feature — until then only published reports are
 * shown to anyone.
 */
@Service
@Transactional(readOnly = true)
public class ReportCatalogue {

	private final ReportRepository reports;

	private final FigureRepository figures;

	ReportCatalogue(ReportRepository reports, FigureRepository figures) {
		this.reports = reports;
		this.figures = figures;
	}

	/** The published report with its region, sections and figures loaded, ready to render. */
	public Optional<ReportDocument> findPublished(Long id) {
		return this.reports.findWithRegion(id).filter(Report::isPublished).map(report -> {
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

	/** The published reports of the region and of every region below it. */
	public List<Report> publishedInSubtree(Region region) {
		return this.reports.findInSubtree(region.getPath(), false);
	}

	public long count() {
		return this.reports.count();
	}

}
