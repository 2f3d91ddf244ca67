package org.unionreports.portal.dashboard;

import java.util.Locale;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;

/** Rolled-up values written as the reports write figures, for pages and exports alike. */
public final class RolledUp {

	private RolledUp() {
	}

	/**
	 * 226.09万人, 2000余人, 85%以上 (at least 85%); a rate without a base as its range, each end with its own
	 * qualifier (80%以上～95%); nothing for no value. Which qualifier is {@link QualifierAlgebra}'s to say.
	 */
	public static String write(Combined value, String unit, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value.isRange()) {
			return FigureFormat.write(new Amount(value.min(), unit, value.minQualifier()), locale) + "～"
					+ FigureFormat.write(new Amount(value.max(), unit, value.maxQualifier()), locale);
		}
		return FigureFormat.write(new Amount(value.value(), unit, value.qualifier()), locale);
	}

}
