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
		return snapshot().byKey(key);
	}

	/** The metric this Chinese name (or alias) stands for, if the catalogue has it. */
	public Optional<Metric> byName(String nameZh) {
		return snapshot().byName(nameZh);
	}

	/** The whole catalogue, indexed for matching many rows (an import) with one query. */
	public Lookup snapshot() {
		return new Lookup(all());
	}

	/** The catalogue at one moment, indexed by key and by Chinese name and alias. */
	public static final class Lookup {

		private final Map<String, Metric> byKey = new HashMap<>();

		private final Map<String, Metric> byName = new HashMap<>();

		Lookup(List<Metric> metrics) {
			for (Metric metric : metrics) {
				this.byKey.put(metric.getKey(), metric);
				metric.getAliasesZh().forEach(alias -> this.byName.putIfAbsent(alias, metric));
			}
			// A metric's own name wins over another metric's alias.
			metrics.forEach(metric -> this.byName.put(metric.getNameZh(), metric));
		}

		public Optional<Metric> byKey(String key) {
			return Optional.ofNullable(key == null ? null : this.byKey.get(key.strip()));
		}

		public Optional<Metric> byName(String nameZh) {
			return Optional.ofNullable(nameZh == null ? null : this.byName.get(nameZh.strip()));
		}

	}

}
