package org.unionreports.portal.report;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.identity.Access;

/**
 * Who may open a report's editing pages (sections, figure grid, figure import, extraction from text) and post
 * to them, decided here once for all of them. A page shown to a user outside the report's regions answers as
 * if the report did not exist (404), so that nobody learns of another region's drafts; a user who may read the
 * report but not change it (a leader) is refused (403). A post is refused (403) before anything else is read,
 * as the security rules of every write are.
 */
@Service
@Transactional(readOnly = true)
public class EditableReports {

	private final ReportCatalogue catalogue;

	private final ReportAccess reportAccess;

	private final Access access;

	private final ReportEntry entry;

	EditableReports(ReportCatalogue catalogue, ReportAccess reportAccess, Access access, ReportEntry entry) {
		this.catalogue = catalogue;
		this.reportAccess = reportAccess;
		this.access = access;
		this.entry = entry;
	}

	/** An editing page as it opens: the report to render and the version its form carries back. */
	public record Opened(ReportDocument document, Edit edit) {
	}

	/**
	 * The report for an editing page that shows it.
	 * @throws ReportNotFoundException when it is outside the user's regions, or does not exist
	 * @throws AccessDeniedException when the user may read it but not edit it
	 */
	public ReportDocument forPage(Long id) {
		if (!this.reportAccess.canRead(id)) {
			throw new ReportNotFoundException(id);
		}
		return editable(id);
	}

	/**
	 * The report for an editing page whose form saves on the version it was opened at. The version is read
	 * before the content: a save that lands in between then makes the next save a conflict, never a silent
	 * overwrite.
	 * @throws ReportNotFoundException when it is outside the user's regions, or does not exist
	 * @throws AccessDeniedException when the user may read it but not edit it
	 */
	public Opened open(Long id) {
		if (!this.reportAccess.canRead(id)) {
			throw new ReportNotFoundException(id);
		}
		Edit edit = this.entry.openEdit(id);
		return new Opened(editable(id), edit);
	}

	/**
	 * The report for a post to an editing page that shows the page again (with the errors, say).
	 * @throws AccessDeniedException when the user may not edit it, before anything else is read
	 */
	public ReportDocument forChange(Long id) {
		requireEditable(id);
		return editable(id);
	}

	/** Refuses a write to a report the user may not edit, before anything else is read or checked. */
	public void requireEditable(Long id) {
		if (!this.reportAccess.canEdit(id)) {
			throw new AccessDeniedException("report " + id + " is not editable by this user");
		}
	}

	private ReportDocument editable(Long id) {
		ReportDocument doc = this.catalogue.findVisible(id).orElseThrow(() -> new ReportNotFoundException(id));
		if (!this.access.canEdit(doc.report().getRegion())) {
			throw new AccessDeniedException("report " + id + " is not editable by this user");
		}
		return doc;
	}

}
