package org.unionreports.portal.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.Notation;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.text.CompactDecimalFormat;
import com.ibm.icu.text.CompactDecimalFormat.CompactStyle;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

import org.unionreports.portal.shared.FigureFormatException.Problem;

/**
 * Reads and writes figures the way Chinese work reports write them. The only code in the portal that knows
 * 万, 亿, 余 or 近.
 * <p>
 * Reading takes digits (also full-width, with thousands separators), 万/萬/亿/億/千/百 multipliers, numbers
 * written wholly in Chinese numerals (read by ICU's Chinese spell-out rules), a qualifier before or after,
 * and a percent sign in either width: {@code 2.06亿}, {@code 1万余}, {@code 近千万}, {@code 85%以上}, {@code 三}.
 * Writing goes back the same way ({@code 206000000 元} → {@code 2.06亿元}, with ICU's compact notation),
 * and in English ({@code 206 million yuan}, {@code over 10,000}).
 */
public final class FigureFormat {

	private static final int MAX_LENGTH = 64;

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/** Leading words, longest first so that 将近 is not read as 将 + 近. */
	private static final List<Map.Entry<String, Qualifier>> LEADING = List.of(Map.entry("将近", Qualifier.JIN),
			Map.entry("接近", Qualifier.JIN), Map.entry("超过", Qualifier.CHAO), Map.entry("突破", Qualifier.CHAO),
			Map.entry("不少于", Qualifier.YISHANG), Map.entry("不低于", Qualifier.YISHANG), Map.entry("大约", Qualifier.YUE),
			Map.entry("达到", Qualifier.EXACT), Map.entry("近", Qualifier.JIN), Map.entry("超", Qualifier.CHAO),
			Map.entry("逾", Qualifier.CHAO), Map.entry("约", Qualifier.YUE), Map.entry("达", Qualifier.EXACT),
			Map.entry("上", Qualifier.YISHANG));

	private static final List<Map.Entry<String, Qualifier>> TRAILING = List.of(Map.entry("以上", Qualifier.YISHANG),
			Map.entry("左右", Qualifier.YUE), Map.entry("有余", Qualifier.YU));

	private static final Pattern DIGITS_AND_MULTIPLIERS = Pattern.compile("(\\d+(?:\\.\\d+)?)([十百千万亿]*)");

	private static final Pattern CHINESE_NUMERALS = Pattern.compile("[零〇一二两三四五六七八九十百千万亿]+");

	private static final Map<Character, BigDecimal> MULTIPLIERS = Map.of('十', BigDecimal.TEN, '百',
			BigDecimal.valueOf(100), '千', BigDecimal.valueOf(1_000), '万', BigDecimal.valueOf(10_000), '亿',
			BigDecimal.valueOf(100_000_000));

	/** English words for units that have them; measure words (个, 家, 项 …) have none in English. */
	private static final Map<String, String> ENGLISH_UNITS = Map.ofEntries(Map.entry("人", "people"),
			Map.entry("名", "people"), Map.entry("人次", "person-times"), Map.entry("户", "households"),
			Map.entry("户次", "household-times"), Map.entry("元", "yuan"),
			Map.entry("元/人/年", "yuan per person per year"), Map.entry("元/人", "yuan per person"));

	private FigureFormat() {
	}

	/**
	 * Reads a number as a report or a person writes it.
	 * @throws FigureFormatException saying what is wrong, for anything that is not such a number
	 */
	public static ReadNumber read(String input) {
		if (input == null || input.isBlank()) {
			throw new FigureFormatException(input == null ? "" : input, Problem.EMPTY);
		}
		if (input.length() > MAX_LENGTH) {
			throw new FigureFormatException(input.substring(0, 20) + "…", Problem.TOO_LONG);
		}
		String text = normalise(input);
		Qualifier qualifier = Qualifier.EXACT;
		boolean qualified = false;

		for (Map.Entry<String, Qualifier> word : TRAILING) {
			if (text.endsWith(word.getKey())) {
				qualifier = word.getValue();
				qualified = true;
				text = text.substring(0, text.length() - word.getKey().length());
				break;
			}
		}
		for (Map.Entry<String, Qualifier> word : LEADING) {
			if (text.equals(word.getKey())) {
				throw new FigureFormatException(input, Problem.NOTHING_AFTER, word.getKey());
			}
			if (text.startsWith(word.getKey())) {
				if (qualified && !word.getValue().isExact()) {
					throw new FigureFormatException(input, Problem.TWO_QUALIFIERS, word.getKey(), qualifier.code());
				}
				if (!word.getValue().isExact()) {
					qualifier = word.getValue();
					qualified = true;
				}
				text = text.substring(word.getKey().length());
				break;
			}
		}
		int about = indexOfAny(text, "余多");
		if (about >= 0) {
			if (qualified) {
				throw new FigureFormatException(input, Problem.TWO_QUALIFIERS, String.valueOf(text.charAt(about)),
						qualifier.code());
			}
			if (about == 0 || indexOfAny(text.substring(about + 1), "余多") >= 0) {
				throw new FigureFormatException(input, Problem.ABOUT_PLACE);
			}
			qualifier = text.charAt(about) == '余' ? Qualifier.YU : Qualifier.DUO;
			text = text.substring(0, about) + text.substring(about + 1);
		}
		boolean percent = text.endsWith("%");
		if (percent) {
			text = text.substring(0, text.length() - 1);
		}
		BigDecimal value = readBody(input, text);
		if (percent && value.compareTo(BigDecimal.ZERO) >= 0 && hasMultiplier(text)) {
			throw new FigureFormatException(input, Problem.PERCENT_MULTIPLIER);
		}
		return new ReadNumber(value, qualifier, percent);
	}

	/**
	 * Reads a value typed beside its unit, where a person may type the unit too: with the unit 期,
	 * {@code 三期} reads as {@code 三}; with 元, {@code 26.045万元} reads as {@code 26.045万} (the multiplier
	 * stays with the number, so the value is 260450); with 场, {@code 1万余场} reads as {@code 1万余}; a
	 * qualifier after the unit stays ({@code 300个以上} with 个 reads as {@code 300以上}). Only the given unit
	 * is taken off: a different one ({@code 3500人} where the unit is 人次) is refused as not part of a number.
	 * @param unit the row's unit; null or blank reads the input as {@link #read(String)} does
	 * @throws FigureFormatException saying what is wrong, for anything that is not such a number
	 */
	public static ReadNumber read(String input, String unit) {
		if (input == null || unit == null || unit.isBlank() || input.length() > MAX_LENGTH) {
			return read(input);
		}
		String text = normalise(input);
		String wanted = normalise(unit);
		String after = "";
		for (Map.Entry<String, Qualifier> word : TRAILING) {
			if (text.endsWith(word.getKey()) && text.length() > word.getKey().length()) {
				after = word.getKey();
				text = text.substring(0, text.length() - after.length());
				break;
			}
		}
		if (!wanted.equals("%") && text.endsWith(wanted) && text.length() > wanted.length()) {
			return read(text.substring(0, text.length() - wanted.length()) + after);
		}
		return read(input);
	}

	/** Full-width forms to ASCII, 萬 and 億 to 万 and 亿, no white space, no thousands separators. */
	private static String normalise(String input) {
		String text = Normalizer.normalize(input, Normalizer.Form.NFKC)
			.replace('萬', '万')
			.replace('億', '亿')
			.replace('兩', '两')
			.replace('。', '.')
			.replaceAll("\\s+", "");
		return text.replaceAll("(?<=\\d),(?=\\d{3}(?:\\D|$))", "");
	}

	private static BigDecimal readBody(String input, String text) {
		if (text.isEmpty()) {
			throw new FigureFormatException(input, Problem.NO_NUMBER);
		}
		if (text.startsWith("-")) {
			throw new FigureFormatException(input, Problem.NEGATIVE);
		}
		Matcher digits = DIGITS_AND_MULTIPLIERS.matcher(text);
		if (digits.matches()) {
			BigDecimal value = new BigDecimal(digits.group(1));
			for (char multiplier : digits.group(2).toCharArray()) {
				value = value.multiply(MULTIPLIERS.get(multiplier));
			}
			return value;
		}
		if (CHINESE_NUMERALS.matcher(text).matches()) {
			return readChineseNumerals(input, text);
		}
		throw describeProblem(input, text);
	}

	private static BigDecimal readChineseNumerals(String input, String text) {
		// ICU's rules want a leading digit: 千万 is read as 一千万, 百 as 一百.
		String spelled = "十百千万亿".indexOf(text.charAt(0)) >= 0 ? "一" + text : text;
		ParsePosition position = new ParsePosition(0);
		Number number = spellout().parse(spelled, position);
		if (number == null || position.getIndex() != spelled.length() || position.getErrorIndex() >= 0) {
			throw new FigureFormatException(input, Problem.BAD_NUMERALS);
		}
		return new BigDecimal(number.toString());
	}

	private static FigureFormatException describeProblem(String input, String text) {
		long points = text.chars().filter(c -> c == '.').count();
		if (points > 1) {
			return new FigureFormatException(input, Problem.DECIMAL_POINTS, points);
		}
		if (text.contains("%")) {
			return new FigureFormatException(input, Problem.PERCENT_PLACE);
		}
		if (text.contains(",")) {
			return new FigureFormatException(input, Problem.COMMA);
		}
		if (text.matches(".*\\d.*") && text.matches(".*[零〇一二两三四五六七八九].*")) {
			return new FigureFormatException(input, Problem.MIXED);
		}
		if (text.matches("[十百千万亿]+\\d.*")) {
			return new FigureFormatException(input, Problem.MULTIPLIER_FIRST);
		}
		int bad = text.codePoints()
			.filter(c -> !Character.isDigit(c) && ".十百千万亿零〇一二两三四五六七八九".indexOf(c) < 0)
			.findFirst()
			.orElse(-1);
		if (bad >= 0) {
			return new FigureFormatException(input, Problem.NOT_PART, new String(Character.toChars(bad)));
		}
		return new FigureFormatException(input, Problem.NOT_A_NUMBER);
	}

	private static boolean hasMultiplier(String text) {
		return indexOfAny(text, "十百千万亿") >= 0 && text.matches(".*\\d.*");
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The numbers written in a text, the way reports write them: {@code 近8.5万}, {@code 1万余}, {@code 上千},
	 * {@code 三}, with the qualifier that stands before or inside them. What follows a number (its unit, a
	 * trailing 以上) is for the caller to read; see {@link #qualifierAt}. The text should use half-width
	 * digits; spans are offsets into it.
	 */
	public static List<NumberSpan> find(CharSequence text) {
		List<NumberSpan> spans = new java.util.ArrayList<>();
		Matcher matcher = NUMBER_IN_TEXT.matcher(text);
		while (matcher.find()) {
			String found = matcher.group();
			String digits = matcher.group("digits");
			try {
				ReadNumber number = read(found);
				boolean numeralsOnly = digits == null;
				String body = matcher.group("body");
				boolean bareMultiplier = numeralsOnly && body.chars().allMatch(c -> "十百千万亿".indexOf(c) >= 0);
				spans.add(new NumberSpan(matcher.start(), matcher.end(), found, number, numeralsOnly, bareMultiplier));
			}
			catch (FigureFormatException notANumber) {
				// a run of numeral characters that does not make a number (十十): not a figure
			}
		}
		return spans;
	}

	/**
	 * A unit that carries a multiplier, split: {@code 万元} is 元 × 10⁴, {@code 亿元} 元 × 10⁸. Units that only
	 * begin with such a character (千克, 百分点) stay as they are.
	 */
	public static Map.Entry<String, BigDecimal> splitUnit(String written) {
		String unit = written == null ? null : written.replace('萬', '万').replace('億', '亿');
		if (unit != null && unit.length() > 1 && MULTIPLIERS.containsKey(unit.charAt(0)) && unit.charAt(0) != '十'
				&& !UNITS_WITH_A_MULTIPLIER_CHARACTER.contains(unit)) {
			return Map.entry(unit.substring(1), MULTIPLIERS.get(unit.charAt(0)));
		}
		return Map.entry(unit == null ? "" : unit, BigDecimal.ONE);
	}

	private static final java.util.Set<String> UNITS_WITH_A_MULTIPLIER_CHARACTER = java.util.Set.of("百分点", "千克", "千米",
			"千瓦", "万向", "百分比");

	/** A qualifier written after a figure's unit (以上, 左右) at this place of the text, with its length. */
	public static Optional<Map.Entry<Qualifier, Integer>> qualifierAt(CharSequence text, int index) {
		for (Map.Entry<String, Qualifier> word : TRAILING) {
			String key = word.getKey();
			if (index + key.length() <= text.length() && text.subSequence(index, index + key.length()).toString().equals(key)
					&& word.getValue() != Qualifier.YU) {
				return Optional.of(Map.entry(word.getValue(), key.length()));
			}
		}
		return Optional.empty();
	}

	/** A number found in a text: where it stands, as written, what it reads as, and what it is made of. */
	public record NumberSpan(int start, int end, String written, ReadNumber number, boolean numeralsOnly,
			boolean bareMultiplier) {
	}

	private static final Pattern NUMBER_IN_TEXT = Pattern.compile(
			"(?:将近|接近|超过|突破|不少于|不低于|达到|近|超|约|逾|达|上(?=[百千万亿]))?"
			+ "(?<body>(?<digits>(?<![0-9.])[0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?(?![0-9]))[余多]?[十百千万亿萬億]*[余多]?"
			+ "|[零〇一二两三四五六七八九十百千万亿萬億]+[余多]?[万亿萬億]?)"
			+ "(?:%(?:以上)?)?");

	/** Writes a figure for people: {@code 46.73万户次}, {@code 1万余场}, {@code 85%以上}, or in English. */
	public static String write(Amount amount, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		if (amount.isMissing()) {
			return english ? "not available" : "缺失";
		}
		return english ? writeEnglish(amount) : writeChinese(amount);
	}

	/**
	 * The figure as a person types it into a cell beside its unit: {@code 435万余}, {@code 超1000万},
	 * {@code 85%以上}. {@link #read} reads it back to the same value and qualifier.
	 */
	public static String writeEntry(Amount amount) {
		if (amount.isMissing()) {
			return "";
		}
		boolean percent = "%".equals(amount.unit());
		String number = percent ? amount.value().toPlainString() + "%" : chineseNumber(amount.value());
		Qualifier qualifier = amount.qualifier();
		return switch (qualifier.position()) {
			case NONE -> number;
			case BEFORE_NUMBER -> qualifier.code() + number;
			case AFTER_NUMBER, AFTER_UNIT -> number + qualifier.code();
		};
	}

	/**
	 * A figure rounded for a headline, to four significant digits in 万/亿 or millions: {@code 2.5亿人},
	 * {@code 250 million people}, where its exact form ({@link #write}) has more than six digits; a figure
	 * already short (226.09万人) is left as it is.
	 */
	public static String writeRounded(Amount amount, Locale locale) {
		if (amount.isMissing() || "%".equals(amount.unit()) || amount.value().abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
			return write(amount, locale);
		}
		String exact = write(amount, locale);
		if (exact.chars().filter(Character::isDigit).count() <= 6) {
			return exact; // already short: 226.09万人 stays as the report wrote it
		}
		boolean english = "en".equals(locale.getLanguage());
		String number = (english ? ROUNDED_ENGLISH : ROUNDED_CHINESE).format(amount.value()).toString();
		return english ? writeEnglish(amount, number) : writeChinese(amount, number);
	}

	private static final LocalizedNumberFormatter ROUNDED_CHINESE = NumberFormatter.withLocale(ULocale.SIMPLIFIED_CHINESE)
		.notation(Notation.compactShort())
		.precision(Precision.maxSignificantDigits(4));

	private static final LocalizedNumberFormatter ROUNDED_ENGLISH = NumberFormatter.withLocale(ULocale.ENGLISH)
		.notation(Notation.compactLong())
		.precision(Precision.maxSignificantDigits(4));

	private static String writeChinese(Amount amount) {
		return writeChinese(amount,
				"%".equals(amount.unit()) ? amount.value().toPlainString() : chineseNumber(amount.value()));
	}

	private static String writeChinese(Amount amount, String number) {
		Qualifier qualifier = amount.qualifier();
		boolean percent = "%".equals(amount.unit());
		return switch (qualifier.position()) {
			case NONE -> number + amount.unit();
			case BEFORE_NUMBER -> qualifier.code() + number + amount.unit();
			// never 85余%: a rate's 余 or 多 follows the sign, as it is typed (writeEntry) and read back
			case AFTER_NUMBER -> percent ? number + amount.unit() + qualifier.code()
					: number + qualifier.code() + amount.unit();
			case AFTER_UNIT -> number + amount.unit() + qualifier.code();
		};
	}

	private static String writeEnglish(Amount amount) {
		return writeEnglish(amount,
				"%".equals(amount.unit()) ? amount.value().toPlainString() : englishNumber(amount.value()));
	}

	private static String writeEnglish(Amount amount, String number) {
		StringBuilder text = new StringBuilder();
		if (!amount.qualifier().isExact()) {
			text.append(amount.qualifier().english()).append(' ');
		}
		if ("%".equals(amount.unit())) {
			return text.append(number).append('%').toString();
		}
		text.append(number);
		String unit = ENGLISH_UNITS.get(amount.unit());
		if (unit != null) {
			text.append(' ').append(unit);
		}
		return text.toString();
	}

	private static String chineseNumber(BigDecimal value) {
		if (value.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
			return value.stripTrailingZeros().toPlainString();
		}
		return compactIfExact(value, ULocale.SIMPLIFIED_CHINESE, CompactStyle.SHORT);
	}

	private static String englishNumber(BigDecimal value) {
		if (value.abs().compareTo(MILLION) >= 0) {
			String compact = compactIfExact(value, ULocale.ENGLISH, CompactStyle.LONG);
			if (compact != null) {
				return compact;
			}
		}
		return ENGLISH_GROUPED.get().format(value);
	}

	/**
	 * The compact form (2.06亿, 4.35 million) when it states the value exactly with at most two decimals;
	 * otherwise the plain digits, because a report's figure must not be rounded on the way out.
	 */
	private static String compactIfExact(BigDecimal value, ULocale locale, CompactStyle style) {
		CompactDecimalFormat compact = locale.getLanguage().equals("en") ? ENGLISH_COMPACT.get() : CHINESE_COMPACT.get();
		try {
			return compact.format(value);
		}
		catch (ArithmeticException inexact) {
			return locale.getLanguage().equals("en") ? null : value.stripTrailingZeros().toPlainString();
		}
	}

	private static RuleBasedNumberFormat spellout() {
		return SPELLOUT.get();
	}

	// ICU's formats are costly to make and not thread-safe: one of each per thread.
	private static final ThreadLocal<RuleBasedNumberFormat> SPELLOUT = ThreadLocal
		.withInitial(() -> new RuleBasedNumberFormat(ULocale.SIMPLIFIED_CHINESE, RuleBasedNumberFormat.SPELLOUT));

	private static final ThreadLocal<CompactDecimalFormat> CHINESE_COMPACT = ThreadLocal
		.withInitial(() -> compact(ULocale.SIMPLIFIED_CHINESE, CompactStyle.SHORT));

	private static final ThreadLocal<CompactDecimalFormat> ENGLISH_COMPACT = ThreadLocal
		.withInitial(() -> compact(ULocale.ENGLISH, CompactStyle.LONG));

	private static final ThreadLocal<NumberFormat> ENGLISH_GROUPED = ThreadLocal.withInitial(() -> {
		NumberFormat grouped = NumberFormat.getNumberInstance(ULocale.ENGLISH);
		grouped.setMaximumFractionDigits(4);
		return grouped;
	});

	private static CompactDecimalFormat compact(ULocale locale, CompactStyle style) {
		CompactDecimalFormat compact = CompactDecimalFormat.getInstance(locale, style);
		compact.setMaximumFractionDigits(2);
		compact.setRoundingMode(RoundingMode.UNNECESSARY.ordinal());
		return compact;
	}

}
