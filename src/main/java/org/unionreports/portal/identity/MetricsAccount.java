package org.unionreports.portal.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The scraper's account ({@link Role#METRICS}) from the settings: with PORTAL_METRICS_USERNAME and
 * PORTAL_METRICS_PASSWORD set, that account is made at start unless a user of that name exists, so that a
 * deployment can give Prometheus its credentials without a person first signing in. An administrator can
 * make the same account under /admin/users instead.
 */
@Component
public class MetricsAccount {

	private static final Logger log = LoggerFactory.getLogger(MetricsAccount.class);

	private final UserAdministration users;

	private final PasswordPolicy policy;

	private final String username;

	private final String password;

	MetricsAccount(UserAdministration users, PasswordPolicy policy, MetricsAccountSettings settings) {
		this.users = users;
		this.policy = policy;
		this.username = settings.username();
		this.password = settings.password();
	}

	public void createIfNeeded() {
		if (this.username.isEmpty() && this.password.isEmpty()) {
			return;
		}
		if (this.username.isEmpty() || this.password.isEmpty()) {
			log.warn("Set both PORTAL_METRICS_USERNAME and PORTAL_METRICS_PASSWORD to create the metrics account;"
					+ " only one is set, so none was created");
			return;
		}
		if (!UserAdministration.isValidUsername(this.username)) {
			log.warn("PORTAL_METRICS_USERNAME '{}' is not a valid username (3-64 letters, digits and ._@-); no metrics"
					+ " account was created", this.username);
			return;
		}
		if (this.users.exists(this.username)) {
			return;
		}
		this.policy.problem(this.password, this.username)
			.ifPresent(problem -> log.warn("The password in PORTAL_METRICS_PASSWORD is weak ({}); choose another", problem));
		this.users.createMetricsAccount(this.username, this.password);
		log.info("Created the metrics account '{}' from PORTAL_METRICS_USERNAME: it reads /actuator/prometheus only",
				this.username);
	}

}
