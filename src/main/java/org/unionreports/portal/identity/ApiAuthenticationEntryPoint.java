package org.unionreports.portal.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import org.unionreports.portal.database.DatabaseOutage;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answer to a request without valid credentials: 401 with a Basic challenge, or 429 with
 * Retry-After while this username waits at this address after too many failures; a problem detail in JSON
 * says which.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final JsonMapper json;

	private final Clock clock;

	ApiAuthenticationEntryPoint(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (DatabaseOutage.causedBy(exception)) {
			throw exception; // not the caller's fault: answered 503 by the DatabaseOutageFilter
		}
		ProblemDetail problem;
		if (exception instanceof LoginLockedException locked) {
			long seconds = Math.max(1, Duration.between(this.clock.instant(), locked.until()).toSeconds());
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed sign-ins for this username from this address; try again in " + seconds
							+ " seconds (other addresses are not held up).");
			response.setHeader("Retry-After", Long.toString(seconds));
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"Sign in with HTTP Basic (username and password) to use this endpoint.");
			response.setHeader("WWW-Authenticate", "Basic realm=\"union-report-portal\"");
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
