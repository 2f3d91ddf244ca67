package org.unionreports.portal.report.web;

import jakarta.validation.constraints.Size;

import org.unionreports.portal.report.Edit;

/** What every editing form of a report carries: the version it was opened at, and a revision's reason. */
abstract class EditForm {

	private long version;

	private long lastChangeSeen;

	@Size(max = 2000)
	private String revisionReason;

	Edit edit() {
		return new Edit(this.version, this.lastChangeSeen, this.revisionReason);
	}

	void openedAt(Edit edit) {
		this.version = edit.version();
		this.lastChangeSeen = edit.lastChangeSeen();
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public long getLastChangeSeen() {
		return this.lastChangeSeen;
	}

	public void setLastChangeSeen(long lastChangeSeen) {
		this.lastChangeSeen = lastChangeSeen;
	}

	public String getRevisionReason() {
		return this.revisionReason;
	}

	public void setRevisionReason(String revisionReason) {
		this.revisionReason = revisionReason;
	}

}
