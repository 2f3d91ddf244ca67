package org.unionreports.portal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.unionreports.portal.audit.SecurityLog;

/**
 * Progressive delays for failed sign-ins, counted per username <em>and</em> client address: after
 * {@value #MAX_FAILURES} failures for one username from one address (since that pair's last success, none
 * older than {@link #FORGET}), that pair waits {@link #FIRST_DELAY} after its last failure, twice as long
 * after each further failure, at most {@link #MAX_DELAY}. While it waits every attempt of that pair (the
 * right password too) is refused, and is not counted as a failure. Another address is not held up at all:
 * someone guessing at a username from elsewhere cannot lock its owner out. Guessing at many usernames from
 * one address is stopped by the per-address limit on failed sign-ins (portal.rate-limits.sign-in).
 * <p>
 * The failures are the recorded security events, so the count survives a restart and holds for the login
 * form and the API alike.
 */
@Component
public class LoginThrottle {

	public static final int MAX_FAILURES = 5;

	public static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	public static final Duration MAX_DELAY = Duration.ofMinutes(15);

	/** Failures older than this no longer count. */
	public static final Duration FORGET = Duration.ofHours(1);

	private final SecurityLog securityLog;

	private final Clock clock;

	LoginThrottle(SecurityLog securityLog, Clock clock) {
		this.securityLog = securityLog;
		this.clock = clock;
	}

	/** Until when sign-ins for this username from this address are refused, if they are now. */
	public Optional<Instant> lockedUntil(String username, String address) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<Instant> failures = this.securityLog.failedLoginsSinceLastSuccess(username, address, now.minus(FORGET));
		if (failures.size() < MAX_FAILURES) {
			return Optional.empty();
		}
		Instant until = failures.get(failures.size() - 1).plus(delay(failures.size()));
		return until.isAfter(now) ? Optional.of(until) : Optional.empty();
	}

	/** The wait after the given number of failures in a row: one minute after the fifth, doubling, at most 15. */
	static Duration delay(int failures) {
		int doublings = Math.min(failures - MAX_FAILURES, 10);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
	}

}
