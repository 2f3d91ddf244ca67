package org.unionreports.portal.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import org.unionreports.portal.shared.Period;

/** A {@code ?period=} parameter of a page or export: none when blank, 400 Bad Request when not a period. */
public final class PeriodParameter {

	private PeriodParameter() {
	}

	public static Period parse(String period) {
		if (period == null || period.isBlank()) {
			return null;
		}
		try {
			return Period.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

}
