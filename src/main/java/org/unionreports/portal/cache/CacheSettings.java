package org.unionreports.portal.cache;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.data-cache} and {@code portal.page-cache.*}: whether roll-ups and pages are kept until the
 * data changes, and how much memory the pages for anonymous visitors may take.
 *
 * @param dataCache {@code false} turns off the roll-up and page caches, for measuring
 * ({@code PORTAL_DATA_CACHE})
 * @param pageCache the page cache
 */
@ConfigurationProperties("portal")
@Validated
public record CacheSettings(@DefaultValue("true") boolean dataCache, @DefaultValue @Valid PageCache pageCache) {

	/**
	 * @param maxMegabytes memory for whole pages kept for anonymous visitors
	 * ({@code PORTAL_PAGE_CACHE_MAX_MEGABYTES})
	 */
	public record PageCache(@DefaultValue("64") @Min(1) long maxMegabytes) {
	}

}
