package org.unionreports.portal.dashboard;

import java.util.Locale;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.Qualifier;

/** Rolled-up values written as the reports write figures, for pages and exports alike. */
public final class RolledUp {

	private RolledUp() {
	}

	/** 226.09万人, 2000余人; a rate without a base as its range, 80%～95%; nothing for no value. */
	public static String write(Combined value, String unit, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value.isRange()) {
			return FigureFormat.write(new Amount(value.min(), unit, Qualifier.EXACT), locale) + "～"
					+ FigureFormat.write(new Amount(value.max(), unit, value.qualifier()), locale);
		}
		return FigureFormat.write(new Amount(value.value(), unit, value.qualifier()), locale);
	}

}
