package org.unionreports.portal.report;

/**
 * A revision that cannot be made or decided as asked: another revision of the report still waits for a
 * leader, or this one was decided already. A conflict (409), with the number of the revision in the way.
 */
public class RevisionConflictException extends ReportStateException {

	private final int number;

	RevisionConflictException(String messageKey, String message, int number) {
		super(messageKey, message);
		this.number = number;
	}

	/** The revision that waits (for a second proposal) or that was decided already. */
	public int number() {
		return this.number;
	}

}
