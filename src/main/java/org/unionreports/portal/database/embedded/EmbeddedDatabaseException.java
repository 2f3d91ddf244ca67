package org.unionreports.portal.database.embedded;

/** The embedded database could not start; carries what went wrong and what the operator can do about it. */
public class EmbeddedDatabaseException extends RuntimeException {

	private final String action;

	public EmbeddedDatabaseException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
