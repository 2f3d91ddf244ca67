package org.unionreports.portal.dashboard;

import java.util.Locale;

/** The rule that made a value, as docs/rollups.md states it and the workings name it. */
public enum RollupRule {

	/** The region's own figure for the period. */
	OWN,
	/** A flow over a span: the region's own figures for every year of it, added up. */
	SUM_OF_YEARS,
	/** A stock or a rate over a span: the region's own level at the span's last year. */
	LEVEL_AT_END,
	/** Flows or stocks of the sub-regions added up. */
	SUM,
	/** Stocks over a span: the sub-regions' levels at the span's last year, added up. */
	SUM_AT_END,
	/** Rates: the mean weighted by the base of exactly the regions whose rates made it. */
	WEIGHTED_MEAN,
	/** Rates whose bases are not all known (or that have none): the lowest low to the highest high. */
	RANGE;

	public String messageKey() {
		return "workings.rule." + name().toLowerCase(Locale.ROOT);
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
