package org.unionreports.portal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.SourceWriting;

/**
 * Figures, periods and dates written for the page's language, for templates: {@code ${@figureText.write(f.amount)}}.
 */
@Component("figureText")
public class FigureText {

	/** Reports are dated in China's time zone. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	public String write(Amount amount) {
		return FigureFormat.write(amount, locale());
	}

	/**
	 * A report's figure as the report wrote it (3200余万元, 近千万元, 三期), from its number text, amount and
	 * quote; the portal's writing where the source cannot say it, and in English.
	 */
	public String asWritten(String numberText, Amount amount, String quote) {
		return SourceWriting.write(numberText, amount, quote, locale());
	}

	/** The exact value with its unit, for a journalist who needs the digits: 206,000,000 元. */
	public String exact(Amount amount) {
		if (amount.isMissing()) {
			return "";
		}
		BigDecimal value = amount.value();
		return java.text.NumberFormat.getNumberInstance(Locale.ENGLISH).format(value) + " " + amount.unit();
	}

	public String period(Period period) {
		return period(period, locale());
	}

	/** 2022年 or 2018—2022年; 2022 or 2018–2022 in English. */
	public static String period(Period period, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		if (period.isSingleYear()) {
			return english ? Integer.toString(period.firstYear()) : period.firstYear() + "年";
		}
		return english ? period.firstYear() + "–" + period.lastYear() : period.firstYear() + "—" + period.lastYear() + "年";
	}

	public String date(LocalDate date) {
		return date(date, locale());
	}

	/** 2023年1月5日; 5 January 2023 in English. */
	public static String date(LocalDate date, Locale locale) {
		if (date == null) {
			return "";
		}
		return "en".equals(locale.getLanguage())
				? date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK))
				: date.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
	}

	public String date(Instant instant) {
		return instant == null ? "" : date(instant.atZone(CHINA).toLocalDate());
	}

	public boolean isEnglish() {
		return "en".equals(locale().getLanguage());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
