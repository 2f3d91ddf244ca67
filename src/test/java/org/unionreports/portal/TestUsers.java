package org.unionreports.portal;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.identity.UserAdministration;
import org.unionreports.portal.identity.UserAdministration.NewUser;

/** Creates real users (through the administration service, as an administrator) for tests. */
@Component
public class TestUsers {

	/** A password the policy accepts; every test user has it. */
	public static final String PASSWORD = "Tea-kettle-Orbit-42";

	private final UserAdministration users;

	TestUsers(UserAdministration users) {
		this.users = users;
	}

	/** Creates the user unless a user of that name exists already (tests share one database). */
	public String ensure(String username, Role role, String... regionCodes) {
		asAdministrator(() -> {
			if (!this.users.exists(username)) {
				this.users.create(new NewUser(username, PASSWORD, role, List.of(regionCodes)));
			}
			return null;
		});
		return username;
	}

	/** Runs as the portal itself, which the administration service accepts like an administrator. */
	public static <T> T asAdministrator(Supplier<T> work) {
		return Access.asSystem(work);
	}

}
