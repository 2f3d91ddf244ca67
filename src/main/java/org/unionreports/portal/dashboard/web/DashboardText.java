package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.unionreports.portal.dashboard.Aggregation.Combined;
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

	/** A figure per 10,000 members: 35.2项, 4.1万元 (per 10,000 members says the column). */
	public String perTenThousand(BigDecimal value, String unit) {
		return value == null ? "" : FigureFormat.write(new Amount(value, unit, Qualifier.EXACT), LocaleContextHolder.getLocale());
	}

	/** The change from the previous period, or an empty string when there is none to tell. */
	public String change(Card card) {
		Locale locale = LocaleContextHolder.getLocale();
		if (card.changePercent().isPresent()) {
			BigDecimal percent = card.changePercent().get();
			return this.messages.getMessage(direction(percent) + ".percent",
					new Object[] { percent.abs().stripTrailingZeros().toPlainString() }, locale);
		}
		return card.change().map(change -> {
			String unit = "%".equals(card.metric().getUnit()) ? "" : card.metric().getUnit();
			String amount = FigureFormat.write(new Amount(change.abs(), unit, Qualifier.EXACT), locale);
			String key = "%".equals(card.metric().getUnit()) ? ".points" : ".amount";
			return this.messages.getMessage(direction(change) + key, new Object[] { amount.strip() }, locale);
		}).orElse("");
	}

	/** up, down or flat, for a CSS class and the message keys. */
	public String trend(Card card) {
		return card.change().map(change -> change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat").orElse("");
	}

	private static String direction(BigDecimal change) {
		return "dashboard.change." + (change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat");
	}

}
