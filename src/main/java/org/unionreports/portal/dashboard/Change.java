package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.shared.Period;

/**
 * A value's change from the previous period of the same length, computed only over what both periods
 * share: the same regions behind both totals ({@link Basis#SAME_COVERAGE}), else the sub-regions that gave
 * a value in both periods resting on the same regions ({@link Basis#LIKE_FOR_LIKE}, "同口径 3 个区"), else
 * nothing but the two totals, each with its coverage ({@link Basis#NOT_COMPARABLE}).
 *
 * @param current the current value over the compared regions (the total itself where the coverage is the
 * same)
 * @param previous the previous value over the same regions
 * @param regions how many sub-regions the like-for-like change is over (0 for the same coverage)
 * @param common the sub-regions it is over, by name
 */
public record Change(Period previousPeriod, Basis basis, Combined currentTotal, Coverage currentCoverage,
		Combined previousTotal, Coverage previousCoverage, Combined current, Combined previous, int regions,
		List<RegionFigures.Place> common, boolean rate) {

	/** On what the change is computed. */
	public enum Basis {

		/** Both totals rest on the same regions. */
		SAME_COVERAGE,
		/** Only over the sub-regions that reported in both periods in the same terms. */
		LIKE_FOR_LIKE,
		/** Nothing in common: the two totals are shown with their coverage, no change. */
		NOT_COMPARABLE;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The difference current − previous, where there is one to tell and both are single values. */
	public Optional<BigDecimal> difference() {
		if (this.basis == Basis.NOT_COMPARABLE || this.current == null || this.previous == null
				|| this.current.value() == null || this.previous.value() == null) {
			return Optional.empty();
		}
		return Optional.of(Aggregation.plain(this.current.value().subtract(this.previous.value())));
	}

	/** The change in per cent of the previous value, to one decimal; none for rates (a change in points). */
	public Optional<BigDecimal> percent() {
		if (this.rate) {
			return Optional.empty();
		}
		return difference().filter(difference -> this.previous.value().signum() > 0)
			.map(difference -> difference.multiply(BigDecimal.valueOf(100))
				.divide(this.previous.value(), 1, RoundingMode.HALF_EVEN));
	}

	/** Whether the two totals differ in what they rest on, so that both are worth showing. */
	public boolean coverageDiffers() {
		return this.basis != Basis.SAME_COVERAGE;
	}

}
