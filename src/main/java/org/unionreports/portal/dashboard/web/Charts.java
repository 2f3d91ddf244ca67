package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import org.unionreports.portal.dashboard.Aggregation.Combined;

/**
 * Rolled-up values as the JSON of a {@code data-chart} attribute ({@link Chart}): each value as a number
 * (a rate's range by its top) and as the reports write it, for the tooltip.
 */
@Component
class Charts {

	private final DashboardText text;

	private final JsonMapper json;

	Charts(DashboardText text, JsonMapper json) {
		this.text = text;
		this.json = json;
	}

	String line(String title, String unit, List<String> categories, List<Combined> values, List<Boolean> drafts,
			Locale locale, String fileName) {
		return this.json.writeValueAsString(Chart.line(title, unit, locale, categories, numbers(values),
				labels(values, unit), drafts, fileName));
	}

	String bar(String title, String unit, List<String> categories, List<Combined> values, List<Boolean> drafts,
			Locale locale, String fileName) {
		return this.json.writeValueAsString(Chart.bar(title, unit, locale, categories, numbers(values),
				labels(values, unit), drafts, fileName));
	}

	/** A chart whose values are already numbers with labels (a comparison per 10,000 members). */
	String bar(Chart chart) {
		return this.json.writeValueAsString(chart);
	}

	private static List<BigDecimal> numbers(List<Combined> values) {
		return values.stream().map(v -> v == null ? null : v.isRange() ? v.max() : v.value()).toList();
	}

	private List<String> labels(List<Combined> values, String unit) {
		return values.stream().map(v -> this.text.value(v, unit)).toList();
	}

}
