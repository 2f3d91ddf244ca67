package org.unionreports.portal.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import org.unionreports.portal.audit.SecurityEventType;
import org.unionreports.portal.audit.SecurityLog;

/** Records sign-ins, failed sign-ins and sign-outs, with the address they came from. */
@Component
class AuthenticationEvents {

	private final SecurityLog securityLog;

	AuthenticationEvents(SecurityLog securityLog) {
		this.securityLog = securityLog;
	}

	/** Sign-ins through the form; a script's HTTP Basic request is not a sign-in worth a record each time. */
	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		this.securityLog.record(SecurityEventType.LOGIN_SUCCEEDED, authentication.getName(), authentication.getName(),
				address(authentication), null);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getException() instanceof LoginLockedException) {
			return; // recorded as LOGIN_LOCKED where it was refused, and not counted as a failure
		}
		Authentication authentication = event.getAuthentication();
		this.securityLog.record(SecurityEventType.LOGIN_FAILED, null, authentication.getName(), address(authentication),
				event.getException().getClass().getSimpleName());
	}

	@EventListener
	void loggedOut(LogoutSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		this.securityLog.record(SecurityEventType.LOGOUT, authentication.getName(), authentication.getName(),
				address(authentication), null);
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: SecurityLog.currentRemoteAddress();
	}

}
