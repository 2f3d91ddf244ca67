package org.unionreports.portal.dataimport.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.unionreports.portal.report.StoreResult;

/** The parts of a store's answer that every way of storing figures gives alike (CONTRACT.md). */
final class StoreJson {

	private StoreJson() {
	}

	/** Figures that mean one catalogue metric for one period: which holds it, and all of them. */
	record ConflictJson(String metricKey, String metricZh, String period, boolean target, Long holder,
			List<Long> figureIds, String message) {

		static List<ConflictJson> of(List<StoreResult.Conflict> conflicts, MessageSource messages, Locale locale) {
			return conflicts.stream()
				.map(conflict -> new ConflictJson(conflict.metric().getKey(), conflict.metric().getNameZh(),
						conflict.period().toString(), conflict.target(), conflict.holder(), conflict.figureIds(),
						messages.getMessage("figure.conflict",
								new Object[] { conflict.metric().name(locale), conflict.figureIds().size() }, locale)))
				.toList();
		}

	}

	static String reason(StoreResult.NotStored notStored, MessageSource messages, Locale locale) {
		return messages.getMessage(notStored.reasonKey(), notStored.arguments().toArray(), locale);
	}

}
