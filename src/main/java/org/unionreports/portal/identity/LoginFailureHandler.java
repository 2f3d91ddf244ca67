package org.unionreports.portal.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import org.unionreports.portal.database.DatabaseOutage;

/**
 * Back to the login form with the reason: wrong credentials, a disabled account, the scraper's account (which
 * signs in to no page), or a wait after failures.
 */
@Component
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	private final java.time.Clock clock;

	LoginFailureHandler(java.time.Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (DatabaseOutage.causedBy(exception)) {
			throw exception; // not a wrong password: answered 503 by the DatabaseOutageFilter
		}
		String reason = exception instanceof LoginLockedException ? "locked"
				: exception instanceof DisabledException ? "disabled"
				: exception instanceof MetricsAccountException ? "metrics" : "bad";
		String username = request.getParameter("username");
		request.getSession().setAttribute(LoginPage.LAST_USERNAME, username);
		if (exception instanceof LoginLockedException locked) {
			request.getSession().setAttribute(LoginPage.LOCKED_UNTIL, locked.until());
			// Said to scripts as well as on the page: how many seconds this address waits for this username.
			response.setHeader("Retry-After", Long.toString(
					Math.max(1, java.time.Duration.between(this.clock.instant(), locked.until()).toSeconds())));
		}
		else {
			request.getSession().removeAttribute(LoginPage.LOCKED_UNTIL);
		}
		getRedirectStrategy().sendRedirect(request, response, "/login?error=" + reason);
	}

}
