package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

	/** One figure to combine: its value and qualifier, and the base it is a rate of (members, say), if known. */
	public record Part(BigDecimal value, Qualifier qualifier, BigDecimal base) {

		public Part {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(qualifier, "qualifier");
		}

		static Part of(BigDecimal value, Qualifier qualifier) {
			return new Part(value, qualifier, null);
		}

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
		BigDecimal total = parts.stream().map(Part::value).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Combined(total, QualifierAlgebra.ofSum(qualifiers(parts)));
	}

	/** The latest of a region's figures over the years: a stock's level at the end of the span. */
	static Combined latest(List<Part> partsOldestFirst) {
		if (partsOldestFirst.isEmpty()) {
			return null;
		}
		Part last = partsOldestFirst.get(partsOldestFirst.size() - 1);
		return new Combined(last.value(), last.qualifier());
	}

	/**
	 * A rate across regions: the mean weighted by each region's base when every part has one, else the
	 * range of the parts (a rate is never summed).
	 */
	static Combined rate(List<Part> parts) {
		if (parts.isEmpty()) {
			return null;
		}
		boolean weighted = parts.stream().allMatch(p -> p.base() != null && p.base().signum() > 0);
		if (weighted) {
			BigDecimal bases = parts.stream().map(Part::base).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal weightedSum = parts.stream()
				.map(p -> p.value().multiply(p.base()))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return new Combined(weightedSum.divide(bases, 2, RoundingMode.HALF_EVEN).stripTrailingZeros(),
					QualifierAlgebra.ofRate(qualifiers(parts)));
		}
		BigDecimal min = parts.stream().map(Part::value).min(Comparator.naturalOrder()).orElseThrow();
		BigDecimal max = parts.stream().map(Part::value).max(Comparator.naturalOrder()).orElseThrow();
		if (min.compareTo(max) == 0) {
			return new Combined(min, QualifierAlgebra.ofRate(qualifiers(parts)));
		}
		Qualifier low = endQualifier(parts, min);
		Qualifier high = endQualifier(parts, max);
		return new Combined(null, QualifierAlgebra.ofRate(List.of(low, high)), min, max, low, high);
	}

	/** An end of a range says what the part (or the parts) of that value say. */
	private static Qualifier endQualifier(List<Part> parts, BigDecimal end) {
		return QualifierAlgebra.ofRate(qualifiers(parts.stream().filter(p -> p.value().compareTo(end) == 0).toList()));
	}

	private static List<Qualifier> qualifiers(List<Part> parts) {
		return parts.stream().map(Part::qualifier).toList();
	}

}
