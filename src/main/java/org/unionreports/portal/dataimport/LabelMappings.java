package org.unionreports.portal.dataimport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue metrics staff confirmed for long-tail labels (figure_label.mapped_metric_id), read once per
 * extraction so that a label mapped by hand maps again the next time it is read.
 */
@Component
class LabelMappings {

	/** No remembered mappings: for an extractor built without a database. */
	static final LabelMappings NONE = new LabelMappings(null);

	private final JdbcClient jdbc;

	LabelMappings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The metric id confirmed for each label and unit, keyed by {@link MetricMatcher#labelKey}. */
	Map<String, Long> confirmed() {
		Map<String, Long> confirmed = new HashMap<>();
		if (this.jdbc == null) {
			return confirmed;
		}
		try {
			this.jdbc.sql("select name_zh, unit, mapped_metric_id from figure_label where mapped_metric_id is not null")
				.query((row, n) -> Map.entry(MetricMatcher.labelKey(row.getString(1), row.getString(2)), row.getLong(3)))
				.list()
				.forEach(entry -> confirmed.put(entry.getKey(), entry.getValue()));
		}
		catch (DataAccessException unavailable) {
			// extraction works without the remembered mappings; the catalogue's own rules still apply
		}
		return confirmed;
	}

}
