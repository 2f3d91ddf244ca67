package org.unionreports.portal.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import org.unionreports.portal.audit.SecurityEventType;
import org.unionreports.portal.audit.SecurityLog;

/**
 * Checks the throttle before the password, so a username held up at this address is refused whatever it
 * sends; the same username from another address is not held up.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final SecurityLog securityLog;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, SecurityLog securityLog) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.securityLog = securityLog;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : SecurityLog.currentRemoteAddress();
		Optional<Instant> lockedUntil = this.throttle.lockedUntil(username, address);
		if (lockedUntil.isPresent()) {
			this.securityLog.record(SecurityEventType.LOGIN_LOCKED, null, username, address,
					"refused until " + lockedUntil.get());
			throw new LoginLockedException(username, lockedUntil.get());
		}
		return this.passwords.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
