package org.unionreports.portal.report;

/** A revision's reason, or a leader's comment on returning one, missing or too long: 422 naming the field. */
public class RevisionInputException extends IllegalArgumentException {

	private final String field;

	private final String messageKey;

	RevisionInputException(String field, String messageKey, String message) {
		super(message);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
