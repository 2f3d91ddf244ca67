package org.unionreports.portal.web.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the expensive work, per signed-in user and per client address: extraction from text (the
 * API, the text import and the extraction form), figure import (the API and the form's check and import)
 * and PDF export. Runs after Spring Security, which has then said who is signed in, and after the page
 * cache, whose answers cost nothing. Over a limit: 429 (TooManyRequests).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class RateLimitFilter extends OncePerRequestFilter {

	private static final Pattern EXTRACT = Pattern
		.compile("/api/extract|/api/reports/[^/]+/text|/staff/reports/[^/]+/extract");

	private static final Pattern IMPORT = Pattern
		.compile("/api/reports/[^/]+/figures/import|/staff/reports/[^/]+/import(/confirm)?");

	private static final Pattern PDF = Pattern.compile("/(reports|regions)/[^/]+/export\\.pdf");

	private final RateLimits limits;

	private final TooManyRequests answer;

	RateLimitFilter(RateLimits limits, TooManyRequests answer) {
		this.limits = limits;
		this.answer = answer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limits.enabled();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimits.Kind kind = kind(request);
		if (kind != null) {
			Optional<Duration> wait = this.limits.take(kind, user(), request.getRemoteAddr(),
					kind == RateLimits.Kind.PDF ? 1 : RateLimits.cost(request.getContentLengthLong()));
			if (wait.isPresent()) {
				this.answer.send(request, response, kind, wait.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static RateLimits.Kind kind(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String method = request.getMethod();
		if ("POST".equals(method) && EXTRACT.matcher(path).matches()) {
			return RateLimits.Kind.EXTRACT;
		}
		if ("POST".equals(method) && IMPORT.matcher(path).matches()) {
			return RateLimits.Kind.IMPORT;
		}
		if (("GET".equals(method) || "HEAD".equals(method)) && PDF.matcher(path).matches()) {
			return RateLimits.Kind.PDF;
		}
		return null;
	}

	private static String user() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
	}

}
