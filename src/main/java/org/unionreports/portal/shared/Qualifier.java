package org.unionreports.portal.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a report qualifies a number: {@code 1万余场} is 10000 with {@link #YU}. The qualifier is kept with the
 * value so that a figure can be written back the way the report wrote it.
 */
public enum Qualifier {

	/** 达, or nothing: the number is exact. */
	EXACT("exact", Position.NONE, "", ""),
	/** …余: a bit more than. */
	YU("余", Position.AFTER_NUMBER, "over", "+"),
	/** …多: more than. */
	DUO("多", Position.AFTER_NUMBER, "over", "+"),
	/** 超…: over. */
	CHAO("超", Position.BEFORE_NUMBER, "over", "+"),
	/** 近…: nearly. */
	JIN("近", Position.BEFORE_NUMBER, "nearly", "-"),
	/** …以上: at least. */
	YISHANG("以上", Position.AFTER_UNIT, "at least", "+"),
	/** 约…: about. */
	YUE("约", Position.BEFORE_NUMBER, "about", "~");

	/** Where the qualifier stands when a report writes it. */
	public enum Position {

		NONE, BEFORE_NUMBER, AFTER_NUMBER, AFTER_UNIT

	}

	private final String code;

	private final Position position;

	private final String english;

	private final String direction;

	Qualifier(String code, Position position, String english, String direction) {
		this.code = code;
		this.position = position;
		this.english = english;
		this.direction = direction;
	}

	/** The value stored in the database and written in the exchange format: {@code exact}, 余, 多, 超, 近, 以上, 约. */
	public String code() {
		return this.code;
	}

	public Position position() {
		return this.position;
	}

	/** The English words that stand before the number: "over", "nearly", "at least", "about". */
	public String english() {
		return this.english;
	}

	/** Whether the true value lies above ({@code +}), below ({@code -}) or around ({@code ~}) the number. */
	public String direction() {
		return this.direction;
	}

	public boolean isExact() {
		return this == EXACT;
	}

	/** Reads a stored or exchanged code; blank and 达 mean exact. */
	public static Optional<Qualifier> fromCode(String code) {
		if (code == null || code.isBlank() || code.strip().equals("达")) {
			return Optional.of(EXACT);
		}
		String wanted = code.strip();
		return Arrays.stream(values()).filter(q -> q.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
