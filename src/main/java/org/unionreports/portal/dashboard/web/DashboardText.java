package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Change;
import org.unionreports.portal.dashboard.Coverage;
import org.unionreports.portal.dashboard.Dashboard.Card;
import org.unionreports.portal.dashboard.RolledUp;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.Qualifier;

/**
 * Rolled-up values written for the page's language, for templates: {@code ${@dashboardText.value(v, unit)}}
 * gives 226.09万人, a rate without a base its range (80%～95%), and {@code change(card)} the move from the
 * previous period (↑3.2%, ↓1.5个百分点).
 */
@Component("dashboardText")
public class DashboardText {

	private final MessageSource messages;

	DashboardText(MessageSource messages) {
		this.messages = messages;
	}

	public String value(Combined value, String unit) {
		return RolledUp.write(value, unit, LocaleContextHolder.getLocale());
	}

	/** The value rounded for a headline card (2.5亿人); the exact value is written beside it. */
	public String rounded(Combined value, String unit) {
		if (value == null || value.isRange()) {
			return value(value, unit);
		}
		return FigureFormat.writeRounded(new Amount(value.value(), unit, value.qualifier()), LocaleContextHolder.getLocale());
	}

	/** A figure per 10,000 members with its qualifier: 35.2项, 750余人 (per 10,000 members says the column). */
	public String perTenThousand(Combined value, String unit) {
		return value(value, unit);
	}

	/**
	 * The change from the previous period, or an empty string when there is none to tell: ↑3.2% where both
	 * totals rest on the same regions, 同口径 3 个下级：↑5.4% over the sub-regions that reported in both, and
	 * nothing where they share none (the page shows the two totals with their coverage instead).
	 */
	public String change(Card card) {
		Change change = card.change();
		if (change == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		String move = move(change, card.metric().getUnit(), locale);
		if (move.isEmpty() || change.basis() == Change.Basis.SAME_COVERAGE) {
			return move;
		}
		return this.messages.getMessage("dashboard.change.likeForLike", new Object[] { change.regions(), move }, locale);
	}

	private String move(Change change, String unit, Locale locale) {
		if (change.percent().isPresent()) {
			BigDecimal percent = change.percent().get();
			return this.messages.getMessage(direction(percent) + ".percent",
					new Object[] { percent.abs().stripTrailingZeros().toPlainString() }, locale);
		}
		return change.difference().map(difference -> {
			String shown = "%".equals(unit) ? "" : unit;
			String amount = FigureFormat.write(new Amount(difference.abs(), shown, Qualifier.EXACT), locale);
			String key = "%".equals(unit) ? ".points" : ".amount";
			return this.messages.getMessage(direction(difference) + key, new Object[] { amount.strip() }, locale);
		}).orElse("");
	}

	/** up, down or flat, for a CSS class and the message keys. */
	public String trend(Card card) {
		return card.change() == null ? ""
				: card.change()
					.difference()
					.map(change -> change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat")
					.orElse("");
	}

	/** What a value rests on, in a few words: 本级报告, 存量取期末年, 13个下级中4个. */
	public String coverage(Coverage coverage) {
		if (coverage == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		String source = this.messages.getMessage(coverage.source().messageKey(), null, locale);
		if (!coverage.isFromSubRegions()) {
			return source;
		}
		return source + this.messages.getMessage("dashboard.coverage", new Object[] { coverage.reporting(), coverage.of() },
				locale) + incomplete(coverage, locale);
	}

	/** （其中1个不完整）: how many of the sub-regions counted gave a value resting on only part of them. */
	private String incomplete(Coverage coverage, Locale locale) {
		return coverage.incomplete() == 0 ? ""
				: this.messages.getMessage("dashboard.coverage.incomplete", new Object[] { coverage.incomplete() }, locale);
	}

	/**
	 * The two totals of a change whose coverage differs, each with what it rests on: 本期 4,470个（5/13）；上期（2021年）
	 * 1,250个（4/13）.
	 */
	public String totals(Change change, String unit, String previousPeriod) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage("dashboard.change.totals",
				new Object[] { value(change.currentTotal(), unit), shortCoverage(change.currentCoverage()), previousPeriod,
						value(change.previousTotal(), unit), shortCoverage(change.previousCoverage()) },
				locale);
	}

	/** 本级报告, or 13个下级中4个: what a total rests on, in as few words as a table cell allows. */
	private String shortCoverage(Coverage coverage) {
		Locale locale = LocaleContextHolder.getLocale();
		if (!coverage.isFromSubRegions()) {
			return this.messages.getMessage(coverage.source().messageKey(), null, locale);
		}
		return this.messages.getMessage("dashboard.coverage.short", new Object[] { coverage.reporting(), coverage.of() },
				locale) + incomplete(coverage, locale);
	}

	private static String direction(BigDecimal change) {
		return "dashboard.change." + (change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat");
	}

}
