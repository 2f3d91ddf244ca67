package org.unionreports.portal.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A step the report's status does not allow (approving a draft, editing a published report): a conflict. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ReportStateException extends RuntimeException {

	private final String messageKey;

	public ReportStateException(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
