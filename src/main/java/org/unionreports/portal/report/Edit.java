package org.unionreports.portal.report;

/**
 * What every save of a report's content carries: the version of the report the form was opened at (and the
 * last change seen then), and, for a published report, the reason of the revision.
 */
public record Edit(long version, long lastChangeSeen, String revisionReason) {

	public boolean isRevision() {
		return this.revisionReason != null && !this.revisionReason.isBlank();
	}

}
