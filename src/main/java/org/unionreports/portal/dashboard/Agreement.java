package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.shared.Qualifier;

/**
 * Whether two values of one thing (a region's own total and its sub-regions' sum) can both be true, given
 * what their qualifiers say: 3万余 and 31,234 agree, 3万余 and 29,000 do not; 85.3% and a mean of 85.27% agree
 * to the precision the report wrote. 约 agrees with anything near it, so is never called a discrepancy.
 */
final class Agreement {

	private Agreement() {
	}

	/** Whether the two can both be true. */
	static boolean agree(Combined a, Combined b) {
		if (a.qualifier() == Qualifier.YUE || b.qualifier() == Qualifier.YUE) {
			return true;
		}
		int scale = Math.min(a.value().scale(), b.value().scale());
		BigDecimal x = a.value().setScale(Math.max(scale, 0), RoundingMode.HALF_EVEN);
		BigDecimal y = b.value().setScale(Math.max(scale, 0), RoundingMode.HALF_EVEN);
		return fits(x, a.qualifier(), y, b.qualifier()) && fits(y, b.qualifier(), x, a.qualifier());
	}

	/** Whether {@code part} is certainly more than {@code whole}: a part above its whole. */
	static boolean exceeds(Combined part, Combined whole) {
		if (part.qualifier() == Qualifier.YUE || whole.qualifier() == Qualifier.YUE) {
			return false;
		}
		// The part is at least its number unless it is "nearly"; the whole at most its number only if exact or "nearly".
		boolean partAtLeast = part.qualifier() != Qualifier.JIN;
		boolean wholeAtMost = whole.qualifier().isExact() || whole.qualifier() == Qualifier.JIN;
		return partAtLeast && wholeAtMost && part.value().compareTo(whole.value()) > 0;
	}

	/** Whether the value {@code other} (itself qualified by {@code theirs}) is allowed by {@code number ours}. */
	private static boolean fits(BigDecimal number, Qualifier ours, BigDecimal other, Qualifier theirs) {
		int order = other.compareTo(number);
		return switch (ours) {
			case EXACT -> order == 0 || (!theirs.isExact() && leansTowards(theirs, -order));
			case YU, DUO, CHAO, YISHANG -> order >= 0 || "+".equals(theirs.direction());
			case JIN -> order <= 0 || "-".equals(theirs.direction());
			case YUE -> true;
		};
	}

	/** Whether a qualified number may lie on that side of itself (+1 above, -1 below). */
	private static boolean leansTowards(Qualifier qualifier, int side) {
		return side > 0 ? "+".equals(qualifier.direction()) : "-".equals(qualifier.direction());
	}

}
