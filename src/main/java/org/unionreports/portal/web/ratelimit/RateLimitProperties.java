package org.unionreports.portal.web.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code portal.rate-limits.*}: how much of each expensive kind of request one signed-in user and one client
 * address may make in a period (application.yml gives the defaults). A request counts one, and one more for
 * each started 64 KB of its body, so that a large text or file costs what it takes to work through.
 * {@code sign-in} counts failed sign-ins per address only; the per-username wait is LoginThrottle's.
 */
@ConfigurationProperties("portal.rate-limits")
record RateLimitProperties(Boolean enabled, Limit signIn, Limit extract, @Name("import") Limit imports, Limit pdf) {

	/** Up to this many per user and per address (null: no limit of that kind) in each period. */
	record Limit(Integer perUser, Integer perAddress, Duration period) {
	}

	boolean isEnabled() {
		return this.enabled == null || this.enabled;
	}

}
