package org.unionreports.portal.report;

import java.util.List;

import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.shared.Period;

/**
 * What a save of figures did, input by input: every figure given is either stored (added, changed or
 * already so) or listed as not stored with the reason, so that what was accepted can be counted against
 * what was stored. The conflicts are those the report has after the save: figures that mean one catalogue
 * metric for one period, of which a person has to say which is the report's value.
 */
public record StoreResult(List<Stored> figures, List<NotStored> notStored, List<Conflict> conflicts) {

	/** How many figures were given: every one is stored or not stored. */
	public int given() {
		return this.figures.size() + this.notStored.size();
	}

	/** A figure given ({@code input}: its place among those given) and stored. */
	public record Stored(int input, long figureId, String subject, Metric metric, boolean holdsMetric,
			boolean claimsMetric, Change change) {

		/** Stored, but the metric it means is held by another figure of the report: a conflict to settle. */
		public boolean inConflict() {
			return this.claimsMetric;
		}

	}

	/** What a save did to a stored figure. */
	public enum Change {

		ADDED, CHANGED, UNCHANGED

	}

	/** A figure given and not stored, with the reason (a message key and its arguments). */
	public record NotStored(int input, String reasonKey, List<Object> arguments) {
	}

	/**
	 * Figures of the report that mean the same catalogue metric for the same period: the one that holds it
	 * (null if none does) and those that claim it too.
	 */
	public record Conflict(Metric metric, Period period, boolean target, Long holder, List<Long> claimants) {

		public List<Long> figureIds() {
			java.util.List<Long> ids = new java.util.ArrayList<>();
			if (this.holder != null) {
				ids.add(this.holder);
			}
			ids.addAll(this.claimants);
			return ids;
		}

	}

}
