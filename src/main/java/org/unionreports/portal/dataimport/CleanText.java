package org.unionreports.portal.dataimport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * A report's text made readable for extraction, with the way back to the original: web noise removed
 * (pinyin readings such as {@code 工會(huì )}, and their broken halves), traditional characters made
 * simplified (OpenCC), full-width digits and signs made half-width. {@link #original(int)} maps every
 * position of the clean text to the original, so that spans point into what was posted.
 */
final class CleanText {

	/** A pinyin reading after a character, whole ({@code (huì )}) or with its opening bracket lost ({@code wù)}). */
	private static final Pattern PINYIN = Pattern
		.compile("\\(?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\s*\\)");

	private final String text;

	private final int[] original;

	private CleanText(String text, int[] original) {
		this.text = text;
		this.original = original;
	}

	/** The text without pinyin readings, nothing else changed: for narratives, which keep their characters. */
	static String withoutReadings(String raw) {
		StringBuilder kept = new StringBuilder(raw.length());
		Matcher noise = PINYIN.matcher(raw);
		int from = 0;
		while (noise.find()) {
			if (isPinyinReading(raw, noise.start())) {
				kept.append(raw, from, noise.start());
				from = noise.end();
			}
		}
		return kept.append(raw, from, raw.length()).toString();
	}

	static CleanText of(String raw) {
		StringBuilder kept = new StringBuilder(raw.length());
		int[] map = new int[raw.length() + 1];
		Matcher noise = PINYIN.matcher(raw);
		int from = 0;
		while (noise.find()) {
			if (!isPinyinReading(raw, noise.start())) {
				continue;
			}
			from = keep(raw, from, noise.start(), kept, map);
			from = noise.end();
		}
		keep(raw, from, raw.length(), kept, map);
		map[kept.length()] = raw.length();
		String simplified = simplified(kept.toString());
		char[] chars = simplified.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = halfWidth(chars[i]);
		}
		int[] trimmed = new int[chars.length + 1];
		System.arraycopy(map, 0, trimmed, 0, chars.length + 1);
		return new CleanText(new String(chars), trimmed);
	}

	/** A reading follows a Chinese character (or a lost one, shown as ?), never a Latin word. */
	private static boolean isPinyinReading(String raw, int start) {
		if (start == 0) {
			return false;
		}
		char before = raw.charAt(start - 1);
		return Character.UnicodeScript.of(before) == Character.UnicodeScript.HAN || before == '?' || before == '\uFFFD';
	}

	private static int keep(String raw, int from, int to, StringBuilder kept, int[] map) {
		for (int i = from; i < to; i++) {
			map[kept.length()] = i;
			kept.append(raw.charAt(i));
		}
		return to;
	}

	/** Traditional to simplified, character for character, so that positions stay where they were. */
	private static String simplified(String text) {
		String whole = ZhConverterUtil.toSimple(text);
		if (whole.length() == text.length()) {
			return whole;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			String one = ZhConverterUtil.toSimple(String.valueOf(text.charAt(i)));
			out.append(one.length() == 1 ? one.charAt(0) : text.charAt(i));
		}
		return out.toString();
	}

	private static char halfWidth(char c) {
		if (c >= '０' && c <= '９') {
			return (char) (c - '０' + '0');
		}
		return switch (c) {
			case '％' -> '%';
			case '．' -> '.';
			case '，' -> ',';
			case '\u00A0', '\u3000' -> ' ';
			case '\uFFFD' -> '?';
			default -> c;
		};
	}

	String text() {
		return this.text;
	}

	/** The position in the original text of a position in this one (the end of the text maps to its end). */
	int original(int index) {
		return this.original[index];
	}

	/** The original position just after the character before {@code end}: the end of a span. */
	int originalEnd(int end) {
		return end == 0 ? this.original[0] : this.original[end - 1] + 1;
	}

}
