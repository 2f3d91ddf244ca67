package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.Locale;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.RegionFigures.Place;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

/**
 * One entry of the workings of a rolled-up value: a region (the region itself, for its own figure or one
 * year of its own, or one of its sub-regions), the value it had and for which period, whether that value
 * went into the result and why (or why not). A value is never shown for a figure the reader may not see.
 *
 * @param weight for a rate, the base its value rests on (members of exactly the regions that gave it), if
 * known, with its qualifier in {@code weightQualifier}
 */
public record Contributor(Place region, Combined value, Period period, boolean used, Reason reason, boolean draft,
		BigDecimal weight, Qualifier weightQualifier) {

	/** A contributor whose weight (if any) is exact. */
	Contributor(Place region, Combined value, Period period, boolean used, Reason reason, boolean draft,
			BigDecimal weight) {
		this(region, value, period, used, reason, draft, weight, weight == null ? null : Qualifier.EXACT);
	}

	/** The weight with its qualifier, for writing it (1万余人). */
	public Combined weightValue() {
		return this.weight == null ? null : new Combined(this.weight, this.weightQualifier);
	}

	/** Why a contributor was used or left out. */
	public enum Reason {

		/** Used: the region's own figure for the period. */
		OWN,
		/** Used: one year of the region's own, added up over the span. */
		YEAR,
		/** Used: the sub-region's own figures for every year of the span, added up. */
		YEARS,
		/** Used: the region's own level at the span's last year. */
		YEAR_END,
		/** Used: what the region's own sub-regions roll up to. */
		ROLLED_UP,
		/** Left out: the region gave no figure for the period. */
		NO_FIGURE,
		/** Left out: a level only for a year before the span's last; shown as the latest available. */
		EARLIER_YEAR,
		/** Left out: a flow given for some years of the span, not all. */
		INCOMPLETE_YEARS,
		/** Left out: the region's figure is in a report not published (and not the reader's to see). */
		NOT_PUBLISHED,
		/** Not added: the parent's own total is used, and shown beside its sub-regions' instead. */
		OWN_TOTAL;

		public String messageKey() {
			return "workings.reason." + name().toLowerCase(Locale.ROOT);
		}

		/** The name the API gives it: {@code own}, {@code earlier_year}, … */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The contributor with its value kept but no longer counted, for the reason given. */
	Contributor leftOut(Reason why) {
		return new Contributor(this.region, this.value, this.period, false, why, this.draft, this.weight,
				this.weightQualifier);
	}

}
