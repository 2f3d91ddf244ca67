package org.unionreports.portal.identity;

/** A request about a user that cannot be carried out; the message key and arguments say why. */
public class UserRequestException extends IllegalArgumentException {

	private final String messageKey;

	private final Object[] arguments;

	public UserRequestException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
