package org.unionreports.portal.identity;

/** A password that the policy refuses; the message key says why, for the form or the API to show. */
public class PasswordRejectedException extends IllegalArgumentException {

	private final String messageKey;

	public PasswordRejectedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
