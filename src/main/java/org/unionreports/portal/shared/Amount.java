package org.unionreports.portal.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value as a report states it: an exact number (or none, when the source lost it), its unit and its
 * qualifier. {@code 435万余人} is {@code Amount(4350000, "人", YU)}.
 */
public record Amount(BigDecimal value, String unit, Qualifier qualifier) {

	public Amount {
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(qualifier, "qualifier");
		if (value != null) {
			value = value.stripTrailingZeros();
			if (value.scale() < 0) {
				value = value.setScale(0);
			}
		}
	}

	public static Amount missing(String unit) {
		return new Amount(null, unit, Qualifier.EXACT);
	}

	public boolean isMissing() {
		return this.value == null;
	}

}
