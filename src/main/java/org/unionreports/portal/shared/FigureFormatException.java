package org.unionreports.portal.shared;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * A number that cannot be read. The message says what is wrong with it in English
 * ({@code "2.0.6亿": two decimal points}); {@link #problem()} and {@link #arguments()} let a page say the
 * same in the reader's language (message key {@code figure.parse.<problem>}).
 */
public class FigureFormatException extends IllegalArgumentException {

	/** What can be wrong with a number, with the English sentence for it. */
	public enum Problem {

		EMPTY("no number given"), TOO_LONG("too long for a number"), NOTHING_AFTER("no number after {0}"),
		TWO_QUALIFIERS("two qualifiers ({0} and {1}); keep one"), ABOUT_PLACE("余 and 多 stand after a number, once"),
		PERCENT_MULTIPLIER("a percentage cannot have 万 or 亿 in it"), NO_NUMBER("no number in it"),
		NEGATIVE("a figure cannot be negative"), BAD_NUMERALS("the Chinese numerals do not make a number"),
		PERCENT_PLACE("the % sign belongs at the end of the number"),
		COMMA("a comma where no thousands separator can stand"),
		MIXED("digits and Chinese numerals mixed; write 3200 or 三千二百"),
		MULTIPLIER_FIRST("the multiplier stands before the digits"), DECIMAL_POINTS("{0} decimal points"),
		NOT_PART("''{0}'' is not part of a number"), NOT_A_NUMBER("not a number");

		private final String english;

		Problem(String english) {
			this.english = english;
		}

		public String messageKey() {
			return "figure.parse." + name().toLowerCase(Locale.ROOT);
		}

	}

	private final String input;

	private final Problem problem;

	private final Object[] arguments;

	public FigureFormatException(String input, Problem problem, Object... arguments) {
		super("\"" + input + "\": " + english(problem, arguments));
		this.input = input;
		this.problem = problem;
		this.arguments = arguments;
	}

	private static String english(Problem problem, Object[] arguments) {
		if (problem == Problem.DECIMAL_POINTS && arguments.length == 1 && Long.valueOf(2).equals(arguments[0])) {
			return "two decimal points";
		}
		return new MessageFormat(problem.english, Locale.ROOT).format(arguments);
	}

	public String input() {
		return this.input;
	}

	public Problem problem() {
		return this.problem;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
