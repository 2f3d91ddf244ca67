package org.unionreports.portal.identity;

/**
 * A request about a user that cannot be carried out, a password the policy refuses among them: the part of
 * the request it is about (so that a form puts the message at its field), the message key and arguments that
 * say why.
 */
public class UserRequestException extends IllegalArgumentException {

	/** What in the request was refused. */
	public enum Part {

		USERNAME, ROLE, REGIONS,

		/** The new password: the policy refused it, or it is the one to be changed. */
		PASSWORD,

		/** The current password, which users give to change their own. */
		CURRENT_PASSWORD,

		/** The account as a whole (disabling oneself, removing the last administrator). */
		ACCOUNT

	}

	private final Part part;

	private final String messageKey;

	private final Object[] arguments;

	public UserRequestException(Part part, String messageKey, Object... arguments) {
		super(messageKey);
		this.part = part;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public Part part() {
		return this.part;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
