package org.unionreports.portal.shared;

import java.math.BigDecimal;

/** What {@link FigureFormat#read} understood: the exact value, its qualifier, and whether a % sign stood in it. */
public record ReadNumber(BigDecimal value, Qualifier qualifier, boolean percent) {

	public Amount withUnit(String unit) {
		return new Amount(this.value, unit, this.qualifier);
	}

}
