package org.unionreports.portal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.unionreports.portal.audit.SecurityLog;

/**
 * After {@value #MAX_FAILURES} failed sign-ins for one username within 15 minutes, every further attempt
 * for it (the right password too) is refused for 15 minutes. The failures are the recorded security
 * events, so the count survives a restart and holds for the login form and the API alike; a successful
 * sign-in starts the count again.
 */
@Component
public class LoginThrottle {

	public static final int MAX_FAILURES = 5;

	public static final Duration WINDOW = Duration.ofMinutes(15);

	public static final Duration LOCK = Duration.ofMinutes(15);

	private final SecurityLog securityLog;

	private final Clock clock;

	LoginThrottle(SecurityLog securityLog, Clock clock) {
		this.securityLog = securityLog;
		this.clock = clock;
	}

	/** Until when sign-ins for this username are refused, if they are now. */
	public Optional<Instant> lockedUntil(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<Instant> failures = this.securityLog.failedLoginsSinceLastSuccess(username, now.minus(WINDOW).minus(LOCK));
		Instant until = null;
		for (int last = MAX_FAILURES - 1; last < failures.size(); last++) {
			Instant first = failures.get(last - (MAX_FAILURES - 1));
			if (Duration.between(first, failures.get(last)).compareTo(WINDOW) <= 0) {
				Instant candidate = failures.get(last).plus(LOCK);
				until = until == null || candidate.isAfter(until) ? candidate : until;
			}
		}
		return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
	}

}
