package org.unionreports.portal.shared;

/** A number that cannot be read; the message says what is wrong with it, for the person who typed it. */
public class FigureFormatException extends IllegalArgumentException {

	private final String input;

	public FigureFormatException(String input, String problem) {
		super("\"" + input + "\": " + problem);
		this.input = input;
	}

	public String input() {
		return this.input;
	}

}
