package org.unionreports.portal.dataimport.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the review's JSON endpoint answers: where to go once stored and what was stored, or every problem, at its row and field
 * ({@code figures[3].value} is row 3, field {@code value}), already written in the user's language, with a
 * summary line for the top of the page.
 */
record ReviewAnswer(String redirect, Summary stored, String summary, List<RowError> errors, List<String> messages) {

	private static final Pattern ROW_FIELD = Pattern.compile("figures\\[(\\d+)]\\.(\\w+)");

	static ReviewAnswer stored(String redirect, Summary stored) {
		return new ReviewAnswer(redirect, stored, null, List.of(), List.of());
	}

	static ReviewAnswer refused(BindingResult result, MessageSource messages, Locale locale) {
		List<RowError> errors = result.getFieldErrors().stream().map(error -> rowError(error, messages, locale)).toList();
		List<String> global = result.getGlobalErrors().stream().map(error -> messages.getMessage(error, locale)).toList();
		String summary = messages.getMessage("staff.figures.errors", new Object[] { result.getErrorCount() }, locale);
		return new ReviewAnswer(null, null, summary, errors, global);
	}

	private static RowError rowError(FieldError error, MessageSource messages, Locale locale) {
		Matcher matcher = ROW_FIELD.matcher(error.getField());
		String message = messages.getMessage(error, locale);
		return matcher.matches() ? new RowError(Integer.parseInt(matcher.group(1)), matcher.group(2), message)
				: new RowError(-1, error.getField(), message);
	}

	/** A problem of one review row; {@code row} is -1 for a field outside the rows. */
	record RowError(int row, String field, String message) {
	}

}
