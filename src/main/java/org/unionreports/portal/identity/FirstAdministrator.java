package org.unionreports.portal.identity;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The first administrator. With PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD set, that user is made
 * unless a user of that name exists. With neither set and no user at all, an administrator {@code admin}
 * is made with a random password, printed once in the log, which must be changed at the first sign-in
 * ({@link PasswordChangeGate}). There is never a fixed default password.
 */
@Component
public class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private static final String GENERATED_USERNAME = "admin";

	private final UserAdministration users;

	private final PasswordPolicy policy;

	private final String username;

	private final String password;

	FirstAdministrator(UserAdministration users, PasswordPolicy policy,
			FirstAdministratorSettings settings) {
		this.users = users;
		this.policy = policy;
		this.username = settings.username();
		this.password = settings.password();
	}

	public void createIfNeeded() {
		boolean configured = !this.username.isEmpty() || !this.password.isEmpty();
		if (configured) {
			if (this.username.isEmpty() || this.password.isEmpty()) {
				log.warn("Set both PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD to create an administrator;"
						+ " only one is set, so none was created");
				return;
			}
			if (!this.users.exists(this.username)) {
				this.policy.problem(this.password, this.username)
					.ifPresent(problem -> log.warn("The password in PORTAL_ADMIN_PASSWORD is weak ({}); change it"
							+ " after signing in", problem));
				// Chosen by the operator, so not to be changed at the first sign-in as a generated one is.
				this.users.createFirstAdministrator(this.username, this.password, false);
				log.info("Created the administrator '{}' from PORTAL_ADMIN_USERNAME", this.username);
			}
			return;
		}
		if (!this.users.anyUserExists()) {
			String generated = randomPassword();
			this.users.createFirstAdministrator(GENERATED_USERNAME, generated, true);
			log.warn("""

					  Created the administrator '{}' with the password: {}
					  It is shown this once. Sign in at /login: the portal then asks for a password of your own.
					""", GENERATED_USERNAME, generated);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
