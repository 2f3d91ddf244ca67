package org.unionreports.portal.metric;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a metric behaves over time and across regions. A flow is counted over the period and sums; a stock is
 * a level at a moment (sum across regions, latest over time); a rate is a percentage (never summed); a
 * per-unit amount is not rolled up; a target is a plan for a later period, kept apart from achieved figures.
 */
public enum MetricKind {

	FLOW, STOCK, RATE, PER_UNIT, TARGET;

	public String code() {
		return name().toLowerCase();
	}

	public String messageKey() {
		return "kind." + code();
	}

	public static Optional<MetricKind> fromCode(String code) {
		return Arrays.stream(values()).filter(k -> k.code().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
	}

}
