package org.unionreports.portal.report;

import java.time.LocalDate;

/** Where a report was published: by whom, when and at which address. Any part may be unknown. */
public record Source(String publisher, LocalDate date, String url) {

	public static Source unknown() {
		return new Source(null, null, null);
	}

}
