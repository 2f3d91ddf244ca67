package org.unionreports.portal.dataimport.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import org.unionreports.portal.report.StoreResult;

/**
 * What an accepted review stored, written for the workspace it leads to: how many of the accepted figures
 * were stored, each one not stored with its row's text and the reason, and the conflicts left for a person.
 * Plain strings and numbers, as flash attributes travel in the session.
 */
record Summary(int accepted, int stored, List<String> notStored, List<String> conflicts) {

	static Summary of(StoreResult result, ExtractionForm form, List<Integer> rowOf, MessageSource messages,
			Locale locale) {
		List<String> notStored = new ArrayList<>();
		for (StoreResult.NotStored figure : result.notStored()) {
			ExtractionForm.Row row = form.getFigures().get(rowOf.get(figure.input()));
			String reason = messages.getMessage(figure.reasonKey(), figure.arguments().toArray(), locale);
			notStored.add(messages.getMessage("extract.notStoredItem",
					new Object[] { row.getSpan() == null ? row.getValue() : row.getSpan(), row.getLabel(), reason }, locale));
		}
		List<String> conflicts = new ArrayList<>();
		for (StoreResult.Conflict conflict : result.conflicts()) {
			conflicts.add(messages.getMessage("figure.conflict",
					new Object[] { conflict.metric().name(locale), conflict.figureIds().size() }, locale));
		}
		return new Summary(result.given(), result.figures().size(), notStored, conflicts);
	}

	/** The summary as the workspace page reads it from the flash. */
	Map<String, Object> flash() {
		Map<String, Object> flash = new LinkedHashMap<>();
		flash.put("extractAccepted", this.accepted);
		flash.put("extractStored", this.stored);
		flash.put("extractNotStored", new ArrayList<>(this.notStored));
		flash.put("extractConflicts", new ArrayList<>(this.conflicts));
		return flash;
	}

}
