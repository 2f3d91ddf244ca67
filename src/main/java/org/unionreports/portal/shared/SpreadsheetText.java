package org.unionreports.portal.shared;

/**
 * Text in files that spreadsheets open (CSV, XLSX): a cell that begins with {@code = + - @}, a tab or a
 * carriage return is read as a formula, which can run commands or leak data (CSV injection). OWASP's
 * advice: an apostrophe in front makes it text.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static boolean looksLikeFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** The text as a CSV cell: with an apostrophe in front where it looks like a formula. */
	public static String defused(String value) {
		return looksLikeFormula(value) ? "'" + value : value;
	}

}
