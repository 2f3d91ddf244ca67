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
 * <p>
 * Its {@code subject} is what the source says it counts ("新建基层工会", "工会会员总数"): with its unit,
 * period and target flag, that is the figure's identity in the report, whatever catalogue metric it maps
 * to. Without one, a figure with a metric is the report's value for that metric (a grid cell), and a
 * long-tail figure is named by its label. {@code holdsMetric} says that a person chose this figure as the
 * report's value for its metric where another figure means the same metric. {@code flag} says why a figure
 * that breaks a soft rule is kept: printed so by the source, or explained (the note says how).
 */
public record FigureInput(String sectionHeading, Metric metric, LongTail longTail, Amount amount, Period period,
		boolean target, String sourceText, String numberText, String note, String subject, boolean holdsMetric,
		Flag flag) {

	public FigureInput {
		if ((metric == null) == (longTail == null)) {
			throw new IllegalArgumentException("a figure has a catalogue metric or a long-tail label, not both");
		}
		Objects.requireNonNull(amount, "amount");
		subject = subject == null || subject.isBlank() ? null : subject.strip();
		note = note == null || note.isBlank() ? null : note.strip();
		if (flag != null && note == null) {
			throw new IllegalArgumentException("a flagged figure needs its note");
		}
	}

	public FigureInput(String sectionHeading, Metric metric, LongTail longTail, Amount amount, Period period,
			boolean target, String sourceText, String numberText, String note) {
		this(sectionHeading, metric, longTail, amount, period, target, sourceText, numberText, note, null, false, null);
	}

	/** The name the figure goes by in the report: its subject, else its metric's or label's name. */
	public String name() {
		if (this.subject != null) {
			return this.subject;
		}
		return this.metric != null ? this.metric.getNameZh() : this.longTail.nameZh();
	}

	/** A figure of a grid cell: the report's value for its metric, however the source named it. */
	boolean isMetricCell() {
		return this.metric != null && this.subject == null;
	}

	public FigureInput withFlag(Flag flag) {
		return new FigureInput(this.sectionHeading, this.metric, this.longTail, this.amount, this.period, this.target,
				this.sourceText, this.numberText, this.note, this.subject, this.holdsMetric, flag);
	}

	/** Why a figure that breaks a soft rule is kept. */
	public enum Flag {

		/** The source printed it so (a count with a fraction, a 万 missing): kept as printed, with a note. */
		AS_PRINTED("as_printed"),
		/** A person explained it (a part above its whole, a move over threefold). */
		EXPLAINED("explained");

		private final String code;

		Flag(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

		public static Flag fromCode(String code) {
			for (Flag flag : values()) {
				if (flag.code.equals(code)) {
					return flag;
				}
			}
			return null;
		}

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
