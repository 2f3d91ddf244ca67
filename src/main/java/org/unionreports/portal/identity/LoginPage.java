package org.unionreports.portal.identity;

/** Session attributes the login form reads after a failed attempt. */
public final class LoginPage {

	public static final String LAST_USERNAME = LoginPage.class.getName() + ".username";

	public static final String LOCKED_UNTIL = LoginPage.class.getName() + ".lockedUntil";

	private LoginPage() {
	}

}
