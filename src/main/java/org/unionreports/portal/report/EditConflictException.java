package org.unionreports.portal.report;

import java.util.List;

/**
 * A save made on a report that somebody else changed since the form was opened. Carries what the other
 * person changed, so that the page can show it and keep this person's input to apply again.
 */
public class EditConflictException extends RuntimeException {

	private final List<ReportHistory.Change> changesSince;

	private final long currentVersion;

	private final long lastChangeId;

	EditConflictException(List<ReportHistory.Change> changesSince, long currentVersion, long lastChangeId) {
		super("the report was changed by somebody else since it was opened");
		this.changesSince = changesSince;
		this.currentVersion = currentVersion;
		this.lastChangeId = lastChangeId;
	}

	public List<ReportHistory.Change> changesSince() {
		return this.changesSince;
	}

	/** The version to put in the form, so that the next save applies on top of the other person's. */
	public long currentVersion() {
		return this.currentVersion;
	}

	public long lastChangeId() {
		return this.lastChangeId;
	}

}
