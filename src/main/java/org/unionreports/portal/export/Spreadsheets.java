package org.unionreports.portal.export;

/** What spreadsheets do with text that CSV and XLSX exports must guard against. */
final class Spreadsheets {

	private Spreadsheets() {
	}

	/** Text a spreadsheet would evaluate: it begins with =, +, -, @, a tab or a carriage return. */
	static boolean looksLikeFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
