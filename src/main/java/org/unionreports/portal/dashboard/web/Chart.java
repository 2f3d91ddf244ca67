package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What static/js/charts.js draws, written as JSON into a {@code data-chart} attribute: a line over
 * periods or bars over regions, each value as a number and as the reports write it (for the tooltip),
 * drafts marked, and the name the PNG is saved under.
 */
record Chart(String kind, String title, String unit, String locale, List<String> categories, List<BigDecimal> values,
		List<String> labels, List<Boolean> drafts, String fileName) {

	static Chart line(String title, String unit, Locale locale, List<String> categories, List<BigDecimal> values,
			List<String> labels, List<Boolean> drafts, String fileName) {
		return new Chart("line", title, unit, locale.toLanguageTag(), categories, values, labels, drafts, fileName);
	}

	static Chart bar(String title, String unit, Locale locale, List<String> categories, List<BigDecimal> values,
			List<String> labels, List<Boolean> drafts, String fileName) {
		return new Chart("bar", title, unit, locale.toLanguageTag(), categories, values, labels, drafts, fileName);
	}

}
