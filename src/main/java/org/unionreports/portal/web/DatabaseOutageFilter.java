package org.unionreports.portal.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.unionreports.portal.database.DatabaseOutage;

/**
 * While the database cannot be reached, every request that needs it is answered 503 "temporarily
 * unavailable" with Retry-After: a page in Chinese and English for people, a problem detail for the API;
 * never a stack trace or a 500. Nothing is kept of the failure: the next request tries the database
 * again, so the portal recovers by itself once the database is back.
 * <p>
 * It comes first of all filters, before the session filter, which reads the database itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "30";

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final ProblemAnswers answers;

	private final byte[] page;

	DatabaseOutageFilter(ProblemAnswers answers) {
		this.answers = answers;
		this.page = answers.page("unavailable", "暂时无法访问 · Temporarily unavailable", Map.of());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseOutage.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
					request.getRequestURI(), NestedExceptionUtils.getMostSpecificCause(ex).toString());
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.answers.send(request, response, HttpStatus.SERVICE_UNAVAILABLE,
				"The database cannot be reached just now; nothing saved is lost. Try again in " + RETRY_AFTER_SECONDS
						+ " seconds.",
				this.page, Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
	}

}
