package org.unionreports.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import org.unionreports.portal.shared.Period;

/**
 * A {@code ?period=} parameter of a page or export: none when blank, 400 Bad Request when not a period or
 * longer than {@value #LONGEST} years (reports cover a year or a congress term; a longer span would only
 * make every region of the tree be read for nothing).
 */
public final class PeriodParameter {

	static final int LONGEST = 10;

	private PeriodParameter() {
	}

	public static Period parse(String period) {
		if (period == null || period.isBlank()) {
			return null;
		}
		Period parsed;
		try {
			parsed = Period.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		if (parsed.years() > LONGEST) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"a period of at most " + LONGEST + " years, such as 2018-2022: " + period);
		}
		return parsed;
	}

}
