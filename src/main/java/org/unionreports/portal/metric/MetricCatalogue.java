package org.unionreports.portal.metric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of standard metrics. It matches a metric by key, by its Chinese name or by one of the
 * other names reports give it; everything else stays a long-tail label.
 */
@Service
@Transactional(readOnly = true)
public class MetricCatalogue {

	private final MetricRepository metrics;

	MetricCatalogue(MetricRepository metrics) {
		this.metrics = metrics;
	}

	public List<Metric> all() {
		return this.metrics.findAllByOrderBySortOrder();
	}

	public Optional<Metric> byKey(String key) {
		return all().stream().filter(m -> m.getKey().equals(key)).findFirst();
	}

	/** The metric this Chinese name (or alias) stands for, if the catalogue has it. */
	public Optional<Metric> byName(String nameZh) {
		return Optional.ofNullable(byNameIndex().get(nameZh == null ? "" : nameZh.strip()));
	}

	public Map<String, Metric> byNameIndex() {
		Map<String, Metric> index = new HashMap<>();
		for (Metric metric : all()) {
			metric.getAliasesZh().forEach(alias -> index.putIfAbsent(alias, metric));
		}
		for (Metric metric : all()) {
			index.put(metric.getNameZh(), metric);
		}
		return index;
	}

}
