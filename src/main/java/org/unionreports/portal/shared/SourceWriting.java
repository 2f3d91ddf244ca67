package org.unionreports.portal.shared;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A report's figure written as the report wrote it: its {@code number_text} with its unit ({@code 3200余万元},
 * {@code 近千万元}, {@code 26.045万元}, {@code 三期}, {@code 85%以上}), where the portal's own writing
 * ({@link FigureFormat#write}) would change the claim (3200万余元) or the form (260450元, 3期). The portal's
 * writing stays for what the portal computes (roll-ups, per-10,000, changes) and is the fallback here
 * whenever the source's text does not read back to the stored figure: nothing is printed that the source
 * did not say.
 * <p>
 * Every form offered is checked by reading it back with {@link FigureFormat#read}, so this class cannot
 * disagree with FigureFormat about what a number means; it only chooses among forms that mean the same.
 */
public final class SourceWriting {

	/** Multipliers a unit may have taken from the number (3200余 + 万元 stored as 32000000 元). */
	private static final List<Map.Entry<String, BigDecimal>> UNIT_MULTIPLIERS = List.of(Map.entry("", BigDecimal.ONE),
			Map.entry("万", BigDecimal.valueOf(10_000)), Map.entry("亿", BigDecimal.valueOf(100_000_000)),
			Map.entry("千", BigDecimal.valueOf(1_000)), Map.entry("百", BigDecimal.valueOf(100)));

	/** The words a report puts before a number for each leading qualifier, its own code first. */
	private static final Map<Qualifier, List<String>> LEADING_WORDS = Map.of(Qualifier.CHAO, List.of("超", "超过", "逾"),
			Qualifier.JIN, List.of("近", "将近", "接近"), Qualifier.YUE, List.of("约", "大约"));

	private static final String MULTIPLIER_CHARACTERS = "十百千万亿";

	/** So that 190余万 is not found inside 1190余万. */
	private static final String NOT_AFTER_A_DIGIT = "(?<![0-9.])";

	/** Pinyin readings scraped along with characters: 工會(huì ), 活動(dòng). */
	private static final Pattern PINYIN_NOISE = Pattern.compile("\\([a-zA-Z\\u00C0-\\u024F\\s]*\\)");

	private SourceWriting() {
	}

	/**
	 * The figure for a reader: in Chinese as the source wrote it when {@link #of} can say so, else (and in
	 * English) as {@link FigureFormat#write} writes it.
	 */
	public static String write(String numberText, Amount amount, String quote, Locale locale) {
		if (!"en".equals(locale.getLanguage())) {
			Optional<String> written = of(numberText, amount, quote);
			if (written.isPresent()) {
				return written.get();
			}
		}
		return FigureFormat.write(amount, locale);
	}

	/**
	 * The figure as its report wrote it: {@code numberText} (萬 and 億 written 万 and 亿, full-width forms
	 * half-width, like the unit; a leading 达 or 达到 and a unit typed with it left out) followed by the unit,
	 * with the multiplier the unit took ({@code 3200余} + 万 + 元) and a trailing 以上 or 左右 after the unit —
	 * when {@code numberText} reads back, with that multiplier, to the amount's value and qualifier. When {@code numberText} lacks the qualifier (a file may
	 * give 千 with the qualifier 以上 beside it), the qualifier is placed where {@code quote} (the sentence the
	 * figure stands in) shows it (上千场次, 1190余万元), or where FigureFormat places it if that is the only
	 * place it can stand (近8.5万户, 140家以上). Empty when the amount is missing, {@code numberText} is blank,
	 * unreadable, says another value or qualifier, or the qualifier's place is in doubt.
	 */
	public static Optional<String> of(String numberText, Amount amount, String quote) {
		if (amount.isMissing() || numberText == null || numberText.isBlank()) {
			return Optional.empty();
		}
		String text = normalise(numberText);
		String trailing = "";
		for (String word : List.of("以上", "左右")) {
			if (text.endsWith(word) && text.length() > word.length()) {
				trailing = word;
				text = text.substring(0, text.length() - word.length());
				break;
			}
		}
		for (String word : List.of("达到", "达")) {
			if (text.startsWith(word) && text.length() > word.length()) {
				// 达 says "as stated", the verb of the sentence, not a part of the figure
				text = text.substring(word.length());
				break;
			}
		}
		if (!amount.unit().isEmpty() && !"%".equals(amount.unit()) && text.endsWith(amount.unit())
				&& text.length() > amount.unit().length()) {
			// typed with its unit (三期 in a row of 期): the unit is written once
			text = text.substring(0, text.length() - amount.unit().length());
		}
		boolean percentUnit = "%".equals(amount.unit());
		boolean percentText = text.endsWith("%");
		if (percentText) {
			text = text.substring(0, text.length() - 1);
		}
		if (percentText && !percentUnit) {
			return Optional.empty();
		}
		ReadNumber number = readOrNull(text + trailing);
		if (number == null) {
			return Optional.empty();
		}
		String multiplier = multiplier(number.value(), amount.value(), percentUnit);
		if (multiplier == null) {
			return Optional.empty();
		}
		String unit = percentUnit ? "%" : amount.unit();
		if (percentUnit && amount.qualifier().position() == Qualifier.Position.AFTER_NUMBER) {
			// a rate's 余 follows the sign (85%余), never 85余%, as FigureFormat writes it
			String bare = text.replace(amount.qualifier().code(), "");
			return readsAs(bare + amount.qualifier().code(), amount.qualifier())
					? Optional.of(bare + "%" + amount.qualifier().code() + trailing) : Optional.empty();
		}
		if (number.qualifier() == amount.qualifier()) {
			return Optional.of(text + multiplier + unit + trailing);
		}
		if (!number.qualifier().isExact()) {
			return Optional.empty();
		}
		return placed(text + multiplier, unit, amount, quote);
	}

	/** A form of the figure: the number as read back, what is shown, and what the quote would contain. */
	private record Form(String number, String shown, Pattern evidence) {
	}

	/** Puts a qualifier that the number text lacks where the source put it. */
	private static Optional<String> placed(String body, String unit, Amount amount, String quote) {
		Qualifier qualifier = amount.qualifier();
		List<Form> forms = new ArrayList<>();
		boolean inDoubt = false;
		String afterUnit = NOT_AFTER_A_DIGIT + Pattern.quote(body) + ".{0," + Math.max(unit.length(), 1) + "}";
		switch (qualifier.position()) {
			case BEFORE_NUMBER -> {
				for (String word : LEADING_WORDS.getOrDefault(qualifier, List.of(qualifier.code()))) {
					forms.add(new Form(word + body, word + body + unit, Pattern.compile(Pattern.quote(word + body))));
				}
				if (qualifier == Qualifier.YUE) {
					forms.add(new Form(body + "左右", body + unit + "左右", Pattern.compile(afterUnit + "左右")));
				}
			}
			case AFTER_NUMBER -> {
				String code = qualifier.code();
				int digitsEnd = body.length();
				while (digitsEnd > 0 && MULTIPLIER_CHARACTERS.indexOf(body.charAt(digitsEnd - 1)) >= 0) {
					digitsEnd--;
				}
				boolean digitsThenMultiplier = digitsEnd > 0 && digitsEnd < body.length()
						&& Character.isDigit(body.charAt(digitsEnd - 1));
				// 1万余 or 1190余万: both are written; only the quote can say which
				forms.add(new Form(body + code, body + code + unit,
						Pattern.compile(NOT_AFTER_A_DIGIT + Pattern.quote(body + code))));
				if (digitsThenMultiplier) {
					String inside = body.substring(0, digitsEnd) + code + body.substring(digitsEnd);
					forms.add(new Form(inside, inside + unit, Pattern.compile(NOT_AFTER_A_DIGIT + Pattern.quote(inside))));
					inDoubt = true;
				}
			}
			case AFTER_UNIT -> {
				forms.add(new Form(body + "以上", body + unit + "以上", Pattern.compile(afterUnit + "以上")));
				if (body.chars().allMatch(c -> MULTIPLIER_CHARACTERS.indexOf(c) >= 0)) {
					// 上千场次 or 千场次以上
					forms.add(new Form("上" + body, "上" + body + unit, Pattern.compile(Pattern.quote("上" + body))));
					inDoubt = true;
				}
			}
			case NONE -> {
				return Optional.empty();
			}
		}
		forms.removeIf(form -> !readsAs(form.number(), amount.qualifier()));
		if (quote != null) {
			String source = normalise(PINYIN_NOISE.matcher(quote).replaceAll(""));
			for (Form form : forms) {
				if (form.evidence().matcher(source).find()) {
					return Optional.of(form.shown());
				}
			}
		}
		return inDoubt || forms.isEmpty() ? Optional.empty() : Optional.of(forms.get(0).shown());
	}

	private static boolean readsAs(String number, Qualifier qualifier) {
		ReadNumber read = readOrNull(number);
		return read != null && read.qualifier() == qualifier;
	}

	/** The multiplier that makes the number text's value the stored one, or null if none does. */
	private static String multiplier(BigDecimal read, BigDecimal stored, boolean percent) {
		for (Map.Entry<String, BigDecimal> multiplier : UNIT_MULTIPLIERS) {
			if (read.multiply(multiplier.getValue()).compareTo(stored) == 0) {
				return multiplier.getKey();
			}
			if (percent) {
				return null;
			}
		}
		return null;
	}

	private static ReadNumber readOrNull(String text) {
		try {
			return FigureFormat.read(text);
		}
		catch (FigureFormatException notReadable) {
			return null;
		}
	}

	/** Full-width forms half-width, 萬 and 億 as 万 and 亿 (as the unit is written), no white space. */
	private static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.replace('萬', '万')
			.replace('億', '亿')
			.replaceAll("\\s+", "");
	}

}
