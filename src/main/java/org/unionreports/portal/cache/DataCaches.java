package org.unionreports.portal.cache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Makes the {@link DataCache}s of the services that compute from the data, each named for its metrics
 * ({@code rollup.figures}, {@code dashboard.views}, …), and says as a gauge whether they may be used at all:
 * {@code portal.data.changes.heard} is 0 while the portal cannot hear of changes (the database away, or
 * {@code portal.data-cache=false}), when every page is computed afresh.
 */
@Component
public class DataCaches {

	private final DataChanges changes;

	private final MeterRegistry meters;

	DataCaches(DataChanges changes, MeterRegistry meters) {
		this.changes = changes;
		this.meters = meters;
		Gauge.builder("portal.data.changes.heard", changes, heard -> heard.version().isPresent() ? 1 : 0)
			.description("1 while the portal hears of data changes and may serve computed pages from its caches")
			.register(meters);
	}

	/** A cache of at most {@code maximumSize} entries, its metrics tagged {@code cache=name}. */
	public <K, V> DataCache<K, V> create(String name, long maximumSize) {
		return new DataCache<>(name, this.changes, this.meters, maximumSize);
	}

}
