package org.unionreports.portal.shared;

/**
 * What a unit measures: money (元, and amounts per person such as 元/人/年), a percentage, or a count of
 * something (人, 个, 场 …), which is always a whole number.
 */
public final class Units {

	public static final String PERCENT = "%";

	public static final String YUAN = "元";

	private Units() {
	}

	public static boolean isPercent(String unit) {
		return PERCENT.equals(unit);
	}

	public static boolean isMoney(String unit) {
		return unit != null && unit.startsWith(YUAN);
	}

	/** A count: neither money nor a percentage, so it must be whole. */
	public static boolean isCount(String unit) {
		return !isPercent(unit) && !isMoney(unit);
	}

}
