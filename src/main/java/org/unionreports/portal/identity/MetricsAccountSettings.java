package org.unionreports.portal.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.metrics.*}: the scraper's account (role METRICS) created at start unless a user of that name
 * exists ({@code PORTAL_METRICS_USERNAME}, {@code PORTAL_METRICS_PASSWORD}). It reads
 * {@code /actuator/prometheus} with HTTP Basic and nothing else.
 *
 * @param username the account's username
 * @param password its password, which the scraper is given
 */
@ConfigurationProperties("portal.metrics")
public record MetricsAccountSettings(@DefaultValue("") String username, @DefaultValue("") String password) {

	public MetricsAccountSettings {
		username = username == null ? "" : username.strip();
		password = password == null ? "" : password;
	}

	@Override
	public String toString() {
		return "MetricsAccountSettings[username=" + this.username + ", password=" + (this.password.isEmpty() ? "" : "***")
				+ "]";
	}

}
