package org.unionreports.portal.identity;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** A sign-in refused because there were too many failed attempts for the username. */
public class LoginLockedException extends LockedException {

	private final Instant until;

	public LoginLockedException(String username, Instant until) {
		super("too many failed sign-ins for " + username + "; try again after " + until);
		this.until = until;
	}

	public Instant until() {
		return this.until;
	}

}
