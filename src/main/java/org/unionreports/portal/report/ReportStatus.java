package org.unionreports.portal.report;

/** Where a report stands: draft → submitted → approved → published, or returned for correction. */
public enum ReportStatus {

	DRAFT, SUBMITTED, APPROVED, PUBLISHED, RETURNED;

	public String messageKey() {
		return "report.status." + name().toLowerCase();
	}

}
