package org.unionreports.portal.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a report: staff submit a draft (or a returned report); leaders approve or return a
 * submitted one, return or publish an approved one. Each step checks role and region where it is taken,
 * and leaves a record of who took it, when, and (for a return) why.
 */
@Service
@Transactional
public class ReportWorkflow {

	private final ReportRepository reports;

	private final Clock clock;

	private final ReportHistory history;

	private final FigureStore figureStore;

	private final FigureRepository figures;

	private final FigureRules rules;

	ReportWorkflow(ReportRepository reports, Clock clock, ReportHistory history, FigureStore figureStore,
			FigureRepository figures, FigureRules rules) {
		this.reports = reports;
		this.clock = clock;
		this.history = history;
		this.figureStore = figureStore;
		this.figures = figures;
		this.rules = rules;
	}

	/**
	 * Sends a draft up for review: only once every conflict is settled (which of two figures that mean one
	 * catalogue metric is the report's value) and every figure that breaks a soft rule has its explanation,
	 * which the reviewing leader then reads.
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Report submit(Long reportId) {
		// Under the report's lock, so that no save can open a conflict between the check and the step.
		Report report = this.reports.findForChange(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		int conflicts = this.figureStore.conflicts(reportId).size();
		int unexplained = this.rules.unexplained(report, this.figures.findByReport(reportId)).size();
		if (conflicts > 0 || unexplained > 0) {
			throw new ReportStateException("report.submit.unresolved", conflicts + " metric conflicts and " + unexplained
					+ " figures that need an explanation are still open");
		}
		return step(reportId, "SUBMIT", Set.of(ReportStatus.DRAFT, ReportStatus.RETURNED), ReportStatus.SUBMITTED, null);
	}

	@PreAuthorize("@reportAccess.canDecide(#reportId)")
	public Report approve(Long reportId) {
		return step(reportId, "APPROVE", Set.of(ReportStatus.SUBMITTED), ReportStatus.APPROVED, null);
	}

	@PreAuthorize("@reportAccess.canDecide(#reportId)")
	public Report returnForCorrection(Long reportId, String comment) {
		if (comment == null || comment.isBlank()) {
			throw new IllegalArgumentException("a returned report needs a comment saying what to correct");
		}
		if (comment.length() > 2000) {
			throw new IllegalArgumentException("a comment has at most 2000 characters");
		}
		return step(reportId, "RETURN", Set.of(ReportStatus.SUBMITTED, ReportStatus.APPROVED), ReportStatus.RETURNED,
				comment.strip());
	}

	@PreAuthorize("@reportAccess.canDecide(#reportId)")
	public Report publish(Long reportId) {
		return step(reportId, "PUBLISH", Set.of(ReportStatus.APPROVED), ReportStatus.PUBLISHED, null);
	}

	private Report step(Long reportId, String action, Set<ReportStatus> from, ReportStatus to, String comment) {
		Report report = this.reports.findById(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		ReportStatus before = report.getStatus();
		if (!from.contains(before)) {
			throw new ReportStateException("report.step.refused." + action.toLowerCase(),
					"a " + before.name().toLowerCase() + " report cannot take the step " + action.toLowerCase());
		}
		Instant now = Instant.now(this.clock);
		report.moveTo(to, now);
		this.history.step(reportId, action, before, to, comment);
		return report;
	}

}
