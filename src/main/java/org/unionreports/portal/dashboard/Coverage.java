package org.unionreports.portal.dashboard;

import org.unionreports.portal.dashboard.RegionFigures.Source;

/**
 * What a value rests on, as a reader is told it: the region's own report, or {@code reporting} of its
 * {@code of} sub-regions, of which {@code incomplete} gave a value that rests on only part of them in turn
 * (a city's members from 4 of its 13 districts). {@code reporting} is null where it was not read: beside a
 * previous period's own figure, whose sub-regions a change does not need.
 */
public record Coverage(Source source, Integer reporting, int of, int incomplete) {

	public boolean isFromSubRegions() {
		return this.source == Source.SUB_REGIONS;
	}

}
