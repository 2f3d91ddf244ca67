package org.unionreports.portal.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A second report for a region and period that already have one. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ReportConflictException extends RuntimeException {

	private final Long existingId;

	public ReportConflictException(Long existingId, String message) {
		super(message);
		this.existingId = existingId;
	}

	public Long existingId() {
		return this.existingId;
	}

}
