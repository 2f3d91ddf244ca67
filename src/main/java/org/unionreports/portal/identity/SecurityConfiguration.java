package org.unionreports.portal.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import org.unionreports.portal.audit.SecurityEventType;
import org.unionreports.portal.audit.SecurityLog;

/**
 * Who may reach which address. Form login for the pages, HTTP Basic for {@code /api/**} and
 * {@code /actuator/**} only; the real checks of role and region stand on the services
 * ({@code @PreAuthorize}), these rules are the outer wall.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Scripts only here: no inline script or style may run, and no other site may frame a page (the chart
	 * embed page will open that for itself alone).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(PortalUserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, SecurityLog securityLog,
			org.springframework.security.authentication.AuthenticationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		// A disabled account is said to be disabled only after its password was right: before that, a wrong
		// guess at a disabled account reads as any wrong guess, so that nobody learns which accounts exist.
		passwords.setPreAuthenticationChecks(user -> {
		});
		passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		ProviderManager manager = new ProviderManager(
				List.of(new ThrottledAuthenticationProvider(passwords, throttle, securityLog)));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/**
	 * The chart embed page, the only page other sites may frame: no session (it is always the public view,
	 * published figures only, whoever's browser shows it), nothing to post.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain embeds(HttpSecurity http) throws Exception {
		http.securityMatcher("/regions/*/embed")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.requireExplicitSave(true))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.addHeaderWriter(PERMISSIONS_POLICY)
				.frameOptions(frame -> frame.disable())
				.contentSecurityPolicy(csp -> csp.policyDirectives(EMBED_CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/**
	 * The CSRF token rides in a cookie of its own (HttpOnly; the pages write it into their forms), not in the
	 * session: so that a visitor who only opens the sign-in page, as every crawler and scanner does, costs no
	 * session row, and a session is made only by signing in. Both chains that check tokens share it, since
	 * the pages' scripts write to the API with the page's token. The scripts send it in {@code X-CSRF-TOKEN}
	 * (the session repository's header name, which the cookie repository would otherwise change to
	 * {@code X-XSRF-TOKEN}).
	 */
	static final CookieCsrfTokenRepository CSRF_TOKENS = csrfTokens();

	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setHeaderName("X-CSRF-TOKEN");
		return tokens;
	}

	/** No page of the portal needs the camera, the microphone, the location, payments or the USB port. */
	static final StaticHeadersWriter PERMISSIONS_POLICY = new StaticHeadersWriter("Permissions-Policy",
			"camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()");

	static final String EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'",
			"frame-ancestors *");

	/**
	 * The OpenAPI page: Swagger UI styles itself inline, so this page alone allows inline styles; its
	 * scripts are still files of this server.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
		http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).permitAll().anyRequest().denyAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.cors(cors -> cors.configurationSource(publicReads()))
			.headers(headers -> headers.addHeaderWriter(PERMISSIONS_POLICY).contentSecurityPolicy(csp -> csp.policyDirectives(
					CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"))));
		return http.build();
	}

	/** Any site may read the public API from a browser: GET only, and never with the user's credentials. */
	static CorsConfigurationSource publicReads() {
		CorsConfiguration reads = new CorsConfiguration();
		reads.addAllowedOrigin("*");
		reads.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
		reads.addAllowedHeader("*");
		reads.setAllowCredentials(false);
		reads.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", reads);
		return source;
	}

	/** The API: HTTP Basic, or the browser's session with its CSRF token. */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint,
			AuthenticationManager authenticationManager, Access access, PasswordChangeGate passwordChange)
			throws Exception {
		http.securityMatcher("/api/**")
			.addFilterAfter(passwordChange.filter(), AuthorizationFilter.class)
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.access(notTheMetricsAccount(access))
				.requestMatchers("/api/admin/**")
				.access(administrators(access))
				.anyRequest()
				.access(people(access)))
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.cors(cors -> cors.configurationSource(publicReads()))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS).requireCsrfProtectionMatcher(browserSessionWrites()))
			.headers(headers -> headers.addHeaderWriter(PERMISSIONS_POLICY)
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/**
	 * The actuator: the probes and the bare health status for anyone (load balancers, {@code docker compose},
	 * CONTRACT.md), the metrics for administrators and the scraper's account, info and the metrics' own
	 * listing for administrators; HTTP Basic or an administrator's session. Nothing here writes.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuator(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint,
			AuthenticationManager authenticationManager, Access access, PasswordChangeGate passwordChange)
			throws Exception {
		http.securityMatcher("/actuator", "/actuator/**")
			.addFilterAfter(passwordChange.filter(), AuthorizationFilter.class)
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
						"/actuator/health/readiness")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/prometheus")
				.access(metricsReaders(access))
				.requestMatchers(HttpMethod.GET, "/actuator", "/actuator/**")
				.access(administrators(access))
				.anyRequest()
				.denyAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			// Every request that is not a GET is refused above: there is no write for a token to protect.
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.addHeaderWriter(PERMISSIONS_POLICY)
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, LoginFailureHandler failureHandler,
			AuthenticationManager authenticationManager, Access access, PasswordChangeGate passwordChange,
			SecurityLog securityLog) throws Exception {
		http.authenticationManager(pageSignIn(authenticationManager, securityLog))
			.addFilterAfter(passwordChange.filter(), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, "/", "/regions/**", "/reports/**", "/login", "/error", "/css/**",
					"/js/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/admin/**")
			.access(administrators(access))
			.anyRequest()
			.access(people(access)))
			.csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS))
			.formLogin(form -> form.loginPage("/login").failureHandler(failureHandler).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.addHeaderWriter(PERMISSIONS_POLICY)
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/**
	 * Administrators as the database has them now, not as the session remembers them from the sign-in: a
	 * demoted or disabled administrator's session is refused at once.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> administrators(Access access) {
		return (authentication, context) -> new AuthorizationDecision(access.isAdmin());
	}

	/** Administrators and the scraper's account, as the database has them now. */
	private static AuthorizationManager<RequestAuthorizationContext> metricsReaders(Access access) {
		return (authentication, context) -> new AuthorizationDecision(access.readsMetrics());
	}

	/**
	 * Signed-in people: any user but the scraper's account, which reads the metrics and nothing else. Its
	 * role is read from the database, as the administrators' is.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> people(Access access) {
		AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
		return (authentication, context) -> new AuthorizationDecision(
				signedIn.authorize(authentication, context).isGranted() && !access.isMetricsAccount());
	}

	/**
	 * What anyone may read (anonymous visitors too), but not the scraper's account: its credentials are for
	 * the metrics only, and a request that brings them anywhere else is refused rather than served as a
	 * visitor's.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> notTheMetricsAccount(Access access) {
		return (authentication, context) -> new AuthorizationDecision(!access.isMetricsAccount());
	}

	/**
	 * The sign-in form refuses the scraper's account, after its password was checked (so that a wrong guess
	 * learns nothing of the account): it signs in to no page, and so never holds a session.
	 */
	private static AuthenticationManager pageSignIn(AuthenticationManager passwords, SecurityLog securityLog) {
		return authentication -> {
			Authentication signedIn = passwords.authenticate(authentication);
			if (AuthorityUtils.authorityListToSet(signedIn.getAuthorities()).contains(Role.METRICS.authority())) {
				securityLog.record(SecurityEventType.LOGIN_FAILED, null, signedIn.getName(),
						SecurityLog.currentRemoteAddress(), MetricsAccountException.class.getSimpleName());
				throw new MetricsAccountException(signedIn.getName());
			}
			return signedIn;
		};
	}

	/**
	 * A write to the API needs the CSRF token when it rides on the browser's session cookie, not when the
	 * caller brings its own credentials (HTTP Basic, as scripts do; CONTRACT.md). A request with neither
	 * is simply unauthenticated: 401, not a CSRF refusal.
	 */
	private static RequestMatcher browserSessionWrites() {
		return (HttpServletRequest request) -> !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
				&& !isBasic(request.getHeader("Authorization"))
				&& (request.getRequestedSessionId() != null || request.getSession(false) != null);
	}

	private static boolean isBasic(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
