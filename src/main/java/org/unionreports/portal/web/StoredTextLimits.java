package org.unionreports.portal.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * The last wall for text the database cannot keep: a value longer than its column or with a character
 * PostgreSQL refuses in text (NUL). Every form and API checks its own fields and names the one at fault;
 * a field one of them missed is answered here with 422 and a sentence, never a 500 with PostgreSQL's words.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class StoredTextLimits {

	private static final Logger log = LoggerFactory.getLogger(StoredTextLimits.class);

	/** string_data_right_truncation, character_not_in_repertoire, untranslatable_character. */
	private static final Set<String> TEXT_STATES = Set.of("22001", "22021", "22P05");

	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView refused(DataIntegrityViolationException ex, HttpServletRequest request)
			throws DataIntegrityViolationException {
		if (!(ex.getMostSpecificCause() instanceof SQLException sql) || !TEXT_STATES.contains(sql.getSQLState())) {
			throw ex;
		}
		log.info("Refused text the database cannot keep at {}: {}", request.getRequestURI(), sql.getMessage());
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", status.getReasonPhrase());
			problem.put("status", status.value());
			problem.put("detail",
					"A text is longer than its field allows, or holds a character that cannot be kept (such as NUL)");
			problem.put("instance", request.getRequestURI());
			JacksonJsonView json = new JacksonJsonView();
			json.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.setExtractValueFromSingleKeyModel(true);
			ModelAndView answer = new ModelAndView(json, "problem", problem);
			answer.setStatus(status);
			return answer;
		}
		ModelAndView page = new ModelAndView("error/422");
		page.setStatus(status);
		return page;
	}

}
