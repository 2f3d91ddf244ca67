package org.unionreports.portal.report;

import java.util.Objects;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.Period;

/**
 * A figure to store in a report, already read and checked: its catalogue metric or long-tail label, the
 * amount, the period it covers (the report's when empty), whether it is a target, and where it came from.
 */
public record FigureInput(String sectionHeading, Metric metric, LongTail longTail, Amount amount, Period period,
		boolean target, String sourceText, String numberText, String note) {

	public FigureInput {
		if ((metric == null) == (longTail == null)) {
			throw new IllegalArgumentException("a figure has a catalogue metric or a long-tail label, not both");
		}
		Objects.requireNonNull(amount, "amount");
	}

	/** The name of a figure outside the catalogue. */
	public record LongTail(String nameZh, String nameEn, Family family, MetricKind kind) {

		public LongTail {
			Objects.requireNonNull(nameZh, "nameZh");
			Objects.requireNonNull(family, "family");
			Objects.requireNonNull(kind, "kind");
		}

	}

}
