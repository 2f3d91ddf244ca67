package org.unionreports.portal.metric;

/** How a catalogue metric rolls up over sub-regions and over time (see {@link MetricKind}). */
public enum Rollup {

	/** Flows: sum over regions and over years. */
	SUM,
	/** Stocks: sum over regions, the latest over time. */
	SUM_LATEST,
	/** Rates with a known base: the mean weighted by the base metric. */
	WEIGHTED_MEAN,
	/** Rates without a base: shown as the range of the sub-regions. */
	RANGE,
	/** Per-unit amounts: not rolled up. */
	NONE

}
