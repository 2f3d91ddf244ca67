package org.unionreports.portal.web.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-address limit on failed sign-ins (the login form's POST and HTTP Basic on the API), which stops
 * one address from trying password after password over many usernames; the wait per username and address
 * is LoginThrottle's. Runs before Spring Security, around it: an attempt that fails takes a token from its
 * address's bucket, one that succeeds takes nothing (so that a script's many HTTP Basic requests, each a
 * sign-in, cost nothing while their password is right). With no token left: 429 before the password is
 * even looked at. Attempts in flight at once can each still fail once: the overrun is bounded by how many
 * connections an address holds open.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class SignInRateFilter extends OncePerRequestFilter {

	private final RateLimits limits;

	private final TooManyRequests answer;

	SignInRateFilter(RateLimits limits, TooManyRequests answer) {
		this.limits = limits;
		this.answer = answer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limits.enabled() || !(isFormSignIn(request) || isBasic(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		Optional<Duration> wait = this.limits.waitOfAddress(RateLimits.Kind.SIGN_IN, address);
		if (wait.isPresent()) {
			this.answer.send(request, response, RateLimits.Kind.SIGN_IN, wait.get());
			return;
		}
		chain.doFilter(request, response);
		if (isFormSignIn(request) ? isBackToTheForm(response) : response.getStatus() == 401) {
			this.limits.countFailure(RateLimits.Kind.SIGN_IN, address);
		}
	}

	private static boolean isFormSignIn(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login");
	}

	private static boolean isBasic(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	/** A failed form sign-in is sent back to the form with its reason (LoginFailureHandler). */
	private static boolean isBackToTheForm(HttpServletResponse response) {
		String location = response.getHeader("Location");
		return location == null || location.contains("/login?error");
	}

}
