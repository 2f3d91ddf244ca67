package org.unionreports.portal.identity;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * A password the user did not choose (the generated first administrator's, one an administrator reset) must
 * be changed before anything else: while it stands, every page sends the signed-in user to
 * {@value #CHANGE_PAGE}, and the API and the actuator answer 403 with a problem detail saying so. The change
 * page, signing out, the static files and the health probes stay open. The flag is read from the database
 * at each request, so that changing the password lets the user on at once, in every session. The scraper's
 * account, which cannot reach the change page, is never given such a password
 * ({@link UserAdministration#resetPassword}).
 */
@Component
public class PasswordChangeGate {

	static final String CHANGE_PAGE = "/account/password";

	/** What a user who must change their password may still reach: the change itself, leaving, the files. */
	private static final List<String> OPEN = List.of(CHANGE_PAGE, "/logout", "/login", "/error", "/favicon.ico",
			"/actuator/health");

	private static final List<String> OPEN_BELOW = List.of("/css/", "/js/", "/webjars/", "/actuator/health/");

	private final UserRepository users;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	PasswordChangeGate(UserRepository users, MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.users = users;
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	/** Whether this user must change their password before doing anything else. */
	public boolean pending(String username) {
		return this.users.passwordMustChange(username).orElse(false);
	}

	/** The filter that holds the user at the change page; it goes after authorisation in a filter chain. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication user = SecurityContextHolder.getContext().getAuthentication();
				if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken
						|| isOpen(pathOf(request)) || !pending(user.getName())) {
					chain.doFilter(request, response);
				}
				else {
					hold(request, response);
				}
			}

		};
	}

	private void hold(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = pathOf(request);
		if (path.startsWith("/api/") || path.startsWith("/actuator")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					this.messages.getMessage("password.mustChange.api", null, localeOf(request)));
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		String changePage = request.getContextPath() + CHANGE_PAGE;
		if ("true".equals(request.getHeader("HX-Request"))) {
			// htmx would put the change page inside the fragment it asked for; it leaves the page instead
			response.setHeader("HX-Redirect", changePage);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.sendRedirect(changePage);
	}

	/** As the pages choose it: {@code ?lang=} first (read by an interceptor, which has not run yet), then the cookie. */
	private Locale localeOf(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		return lang == null || lang.isBlank() ? this.locales.resolveLocale(request) : Locale.forLanguageTag(lang);
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static boolean isOpen(String path) {
		return OPEN.contains(path) || OPEN_BELOW.stream().anyMatch(path::startsWith);
	}

}
