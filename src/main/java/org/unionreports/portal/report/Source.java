package org.unionreports.portal.report;

import java.time.LocalDate;

/** Where a report was published: by whom, when and at which address. Any part may be unknown. */
public record Source(String publisher, LocalDate date, String url) {

	public static Source unknown() {
		return new Source(null, null, null);
	}

	/** Whether a link may point there: only http and https, never javascript: or data: addresses. */
	public static boolean isWebAddress(String url) {
		return url != null && url.strip().toLowerCase(java.util.Locale.ROOT).matches("https?://\\S+");
	}

	/** The address to link to, or null when it is not a web address (it is then shown as text only). */
	public String webAddress() {
		return isWebAddress(this.url) ? this.url.strip() : null;
	}

}
