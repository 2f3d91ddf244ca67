package org.unionreports.portal.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a report or figure covers: one year ({@code 2022}) or a span ({@code 2018-2022}, a congress
 * term). Written {@code 2022} or {@code 2018-2022}, the form used in URLs and the exchange format.
 */
public record Period(int firstYear, int lastYear) implements Comparable<Period> {

	public static final int EARLIEST_YEAR = 1949;

	public static final int LATEST_YEAR = 2100;

	private static final Pattern FORM = Pattern.compile("\\s*(\\d{4})\\s*(?:[-–—~至]+\\s*(\\d{4}))?\\s*年?\\s*");

	public Period {
		if (firstYear < EARLIEST_YEAR || lastYear > LATEST_YEAR) {
			throw new IllegalArgumentException(
					"years must lie between " + EARLIEST_YEAR + " and " + LATEST_YEAR + ": " + firstYear + "-" + lastYear);
		}
		if (firstYear > lastYear) {
			throw new IllegalArgumentException("a period cannot end before it starts: " + firstYear + "-" + lastYear);
		}
	}

	public static Period year(int year) {
		return new Period(year, year);
	}

	/**
	 * Reads {@code 2022}, {@code 2018-2022} (also with an en dash, 至 or 年).
	 * @throws IllegalArgumentException for anything else
	 */
	public static Period parse(String text) {
		Matcher matcher = FORM.matcher(text == null ? "" : text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a period (write 2022 or 2018-2022): " + text);
		}
		int first = Integer.parseInt(matcher.group(1));
		int last = matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : first;
		return new Period(first, last);
	}

	public boolean isSingleYear() {
		return this.firstYear == this.lastYear;
	}

	public int years() {
		return this.lastYear - this.firstYear + 1;
	}

	public boolean contains(Period other) {
		return this.firstYear <= other.firstYear && other.lastYear <= this.lastYear;
	}

	@Override
	public int compareTo(Period other) {
		int byEnd = Integer.compare(this.lastYear, other.lastYear);
		return byEnd != 0 ? byEnd : Integer.compare(other.firstYear, this.firstYear);
	}

	@Override
	public String toString() {
		return isSingleYear() ? Integer.toString(this.firstYear) : this.firstYear + "-" + this.lastYear;
	}

}
