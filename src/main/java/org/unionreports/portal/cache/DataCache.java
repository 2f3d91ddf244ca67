package org.unionreports.portal.cache;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * A bounded cache of things computed from the data (roll-ups, dashboards), each kept under the
 * {@link DataChanges} version it was computed at: after any change it is simply not found any more,
 * and it ages out. Without a version (the database unheard) every call computes afresh. Its hits, misses,
 * size and evictions are metrics under its name ({@code cache.gets{cache=…,result=hit|miss}}); the calls
 * made without a version count in neither. Made by {@link DataCaches}.
 */
public final class DataCache<K, V> {

	private record Versioned<K>(K key, long version) {
	}

	private final DataChanges changes;

	private final Cache<Versioned<K>, V> cache;

	DataCache(String name, DataChanges changes, MeterRegistry meters, long maximumSize) {
		this.changes = changes;
		this.cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterAccess(Duration.ofMinutes(10))
			// A safety net should a change ever go unheard: nothing is served older than this.
			.expireAfterWrite(Duration.ofMinutes(5))
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.cache, name);
	}

	public V get(K key, Supplier<V> compute) {
		OptionalLong version = this.changes.version();
		if (version.isEmpty()) {
			return compute.get();
		}
		return this.cache.get(new Versioned<>(key, version.getAsLong()), k -> compute.get());
	}

}
