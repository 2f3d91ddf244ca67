package org.unionreports.portal.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.admin.*}: the administrator created at start unless a user of that name exists
 * ({@code PORTAL_ADMIN_USERNAME}, {@code PORTAL_ADMIN_PASSWORD}). Neither set and no user in the database:
 * the portal makes {@code admin} with a random password, shown once, to be changed at the first sign-in.
 *
 * @param username the administrator's username
 * @param password their password, which must pass the password policy
 */
@ConfigurationProperties("portal.admin")
public record FirstAdministratorSettings(@DefaultValue("") String username, @DefaultValue("") String password) {

	public FirstAdministratorSettings {
		username = username == null ? "" : username.strip();
		password = password == null ? "" : password;
	}

	@Override
	public String toString() {
		return "FirstAdministratorSettings[username=" + this.username + ", password=" + (this.password.isEmpty() ? "" : "***")
				+ "]";
	}

}
