package org.unionreports.portal.dashboard;

import org.unionreports.portal.dashboard.RegionFigures.Source;

/**
 * What a value rests on, as a reader is told it: the region's own report, or {@code reporting} of its
 * {@code of} sub-regions.
 */
public record Coverage(Source source, int reporting, int of) {

	/** Whether the value came from sub-regions (and so has a count to show). */
	public boolean isPartial() {
		return this.source == Source.SUB_REGIONS && this.reporting < this.of;
	}

	public boolean isFromSubRegions() {
		return this.source == Source.SUB_REGIONS;
	}

}
