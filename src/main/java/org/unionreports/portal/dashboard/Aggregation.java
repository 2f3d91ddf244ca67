package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.unionreports.portal.shared.Qualifier;

/**
 * How figures combine (DOMAIN.md), as pure functions: across sub-regions flows and stocks add up, rates
 * are a mean weighted by their base or else a range, per-unit figures do not combine; over the years of
 * one region flows add up and stocks take the latest. Which qualifier a combination carries is decided by
 * {@link QualifierAlgebra} alone.
 */
public final class Aggregation {

	private Aggregation() {
	}

	/**
	 * One contributor's value to combine (a single value or, for a rate, a range) and the weight it carries
	 * in a mean of rates: its base (members, say) summed over exactly the regions whose rates made it, or
	 * null where that is not known.
	 */
	public record Part(Combined value, BigDecimal weight, Qualifier weightQualifier) {

		public Part {
			Objects.requireNonNull(value, "value");
			weightQualifier = weight == null ? null : weightQualifier == null ? Qualifier.EXACT : weightQualifier;
		}

		/** A part with an exact weight (or none). */
		public Part(Combined value, BigDecimal weight) {
			this(value, weight, Qualifier.EXACT);
		}

		static Part of(BigDecimal value, Qualifier qualifier) {
			return new Part(new Combined(Objects.requireNonNull(value, "value"), Objects.requireNonNull(qualifier)), null);
		}

		static Part of(BigDecimal value, Qualifier qualifier, BigDecimal weight) {
			return new Part(new Combined(Objects.requireNonNull(value, "value"), Objects.requireNonNull(qualifier)), weight);
		}

		boolean isWeighted() {
			return this.weight != null && this.weight.signum() > 0 && !this.value.isRange();
		}

	}

	/**
	 * A mean of rates and its weight (the bases added up, with the qualifier their sum carries), or a range,
	 * whose weight is unknown.
	 */
	record Rate(Combined value, BigDecimal weight, Qualifier weightQualifier) {
	}

	/**
	 * What the parts combine to: a value, or for rates without a base the range of the parts, each end with
	 * its own qualifier ({@code qualifier} is then the range's as a whole).
	 */
	public record Combined(BigDecimal value, Qualifier qualifier, BigDecimal min, BigDecimal max,
			Qualifier minQualifier, Qualifier maxQualifier) {

		public Combined {
			value = plain(value);
			min = plain(min);
			max = plain(max);
			if (min != null) {
				minQualifier = minQualifier == null ? Qualifier.EXACT : minQualifier;
				maxQualifier = maxQualifier == null ? Qualifier.EXACT : maxQualifier;
			}
		}

		/** A single value with its qualifier. */
		public Combined(BigDecimal value, Qualifier qualifier) {
			this(value, qualifier, null, null, null, null);
		}

		public boolean isRange() {
			return this.value == null && this.min != null;
		}

	}

	/** 1600.0000 as 1600, never as 1.6E+3. */
	static BigDecimal plain(BigDecimal number) {
		if (number == null) {
			return null;
		}
		BigDecimal stripped = number.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** The sum, with the qualifier that the parts' qualifiers allow. */
	static Combined sum(List<Part> parts) {
		if (parts.isEmpty()) {
			return null;
		}
		if (parts.stream().anyMatch(part -> part.value().isRange())) {
			throw new IllegalArgumentException("a range is never added up");
		}
		BigDecimal total = parts.stream().map(part -> part.value().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Combined(total, QualifierAlgebra.ofSum(qualifiers(parts)));
	}

	/**
	 * Rates across regions: the mean weighted by each part's weight when {@code weighted} and every part is
	 * a single value with a weight, else the range over all parts, from the lowest low to the highest high
	 * (a part that is itself a range brings both its ends). A rate is never summed. A weight that is not
	 * exact (members 1万余) may move the mean towards its own rate: the mean of a 90% over 1万余 members and a
	 * 50% over 10,000 is at least 70% (70%以上), see {@link QualifierAlgebra#ofWeightedMean}.
	 */
	static Rate rate(List<Part> parts, boolean weighted) {
		if (parts.isEmpty()) {
			return null;
		}
		if (weighted && parts.stream().allMatch(Part::isWeighted)) {
			BigDecimal bases = parts.stream().map(Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal weightedSum = parts.stream()
				.map(p -> p.value().value().multiply(p.weight()))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal mean = weightedSum.divide(bases, 2, RoundingMode.HALF_EVEN).stripTrailingZeros();
			// Which way each qualified weight may move the mean: towards its own rate if the weight may be
			// larger, away from it if smaller, either way if it is only about.
			boolean up = false;
			boolean down = false;
			for (Part part : parts) {
				Qualifier weight = part.weightQualifier();
				int side = part.value().value().compareTo(mean);
				if (weight.isExact() || side == 0) {
					continue;
				}
				if ("~".equals(weight.direction())) {
					up = true;
					down = true;
				}
				else {
					boolean larger = "+".equals(weight.direction());
					up |= larger == side > 0;
					down |= larger != side > 0;
				}
			}
			Qualifier qualifier = QualifierAlgebra.ofWeightedMean(QualifierAlgebra.ofRate(qualifiers(parts)), up, down);
			Qualifier weightQualifier = QualifierAlgebra.ofSum(parts.stream().map(Part::weightQualifier).toList());
			return new Rate(new Combined(mean, qualifier), bases, weightQualifier);
		}
		List<End> ends = new ArrayList<>();
		for (Part part : parts) {
			Combined value = part.value();
			if (value.isRange()) {
				ends.add(new End(value.min(), value.minQualifier()));
				ends.add(new End(value.max(), value.maxQualifier()));
			}
			else {
				ends.add(new End(value.value(), value.qualifier()));
			}
		}
		BigDecimal min = ends.stream().map(End::value).min(Comparator.naturalOrder()).orElseThrow();
		BigDecimal max = ends.stream().map(End::value).max(Comparator.naturalOrder()).orElseThrow();
		if (min.compareTo(max) == 0) {
			return new Rate(new Combined(min, QualifierAlgebra.ofRate(ends.stream().map(End::qualifier).toList())), null,
					null);
		}
		Qualifier low = endQualifier(ends, min);
		Qualifier high = endQualifier(ends, max);
		return new Rate(new Combined(null, QualifierAlgebra.ofRate(List.of(low, high)), min, max, low, high), null, null);
	}

	/** Rates across regions, as a weighted mean where every part has its weight (see {@link #rate(List, boolean)}). */
	static Combined rate(List<Part> parts) {
		Rate rate = rate(parts, true);
		return rate == null ? null : rate.value();
	}

	private record End(BigDecimal value, Qualifier qualifier) {
	}

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	/**
	 * A figure per 10,000 members, to two decimals, with the qualifier {@link QualifierAlgebra#ofRatio} allows;
	 * null without both single values or with no members.
	 */
	static Combined perTenThousand(Combined value, Combined members) {
		if (value == null || members == null || value.value() == null || members.value() == null
				|| members.value().signum() <= 0) {
			return null;
		}
		return new Combined(value.value().multiply(TEN_THOUSAND).divide(members.value(), 2, RoundingMode.HALF_EVEN),
				QualifierAlgebra.ofRatio(value.qualifier(), members.qualifier()));
	}

	/** An end of a range says what the part (or the parts) of that value say. */
	private static Qualifier endQualifier(List<End> ends, BigDecimal end) {
		return QualifierAlgebra.ofRate(ends.stream().filter(e -> e.value().compareTo(end) == 0).map(End::qualifier).toList());
	}

	private static List<Qualifier> qualifiers(List<Part> parts) {
		return parts.stream().map(part -> part.value().qualifier()).toList();
	}

}
