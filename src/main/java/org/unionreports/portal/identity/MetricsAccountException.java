package org.unionreports.portal.identity;

import org.springframework.security.authentication.AccountStatusException;

/** The scraper's account at the sign-in form: its password was right, but it may read the metrics only. */
class MetricsAccountException extends AccountStatusException {

	MetricsAccountException(String username) {
		super("The account '" + username + "' reads the metrics at /actuator/prometheus only; it signs in to no page");
	}

}
