package org.unionreports.portal.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.audit.SecurityLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.signedIn;

/**
 * Issue 17, finding 4: rights end when they are removed, not at the next sign-in. The rule at an address
 * reads the role as the database has it now; a change to a user's rights or password ends that user's
 * other open sessions; the security log answers administrators only, whoever calls it.
 */
@PortalTest
class RightsRemovedTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityLog securityLog;

	private Long idOf(String username) {
		return this.jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private int sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :u")
			.param("u", username)
			.query(Integer.class)
			.single();
	}

	private ResultActions account(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/account/password").session(session));
	}

	@Test
	void aDemotedAdministratorsOpenSessionNoLongerReadsTheSecurityEvents() throws Exception {
		this.users.ensure("rr-admin-demoted", Role.ADMIN, "000000");
		MockHttpSession session = signedIn(this.mvc, "rr-admin-demoted", TestUsers.PASSWORD);
		this.mvc.perform(get("/admin/security-events").session(session)).andExpect(status().isOk());
		// Demoted behind the service's back, so that the session is not ended: the rule itself must read
		// the role as it is now, not as the session remembers it from the sign-in.
		this.jdbc.sql("update app_user set role = 'STAFF' where username = 'rr-admin-demoted'").update();
		this.mvc.perform(get("/admin/security-events").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		this.jdbc.sql("update app_user set role = 'ADMIN', enabled = false where username = 'rr-admin-demoted'")
			.update();
		this.mvc.perform(get("/admin/security-events").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void theSecurityLogAnswersNobodyButAnAdministratorWhoeverCallsIt() {
		assertThatThrownBy(() -> this.securityLog.latest(5))
			.isInstanceOfAny(AuthenticationCredentialsNotFoundException.class, AccessDeniedException.class);
		assertThat(TestUsers.asAdministrator(() -> this.securityLog.latest(5))).isNotEmpty();
	}

	@Test
	void disablingChangingTheRoleOrRegionsOrResettingThePasswordEndsTheUsersOpenSessions() throws Exception {
		this.users.ensure("rr-admin", Role.ADMIN, "000000");
		MockHttpSession admin = signedIn(this.mvc, "rr-admin", TestUsers.PASSWORD);
		String[][] changes = { { "/admin/users/{id}", "role", "LEADER", "regionCodes", "610100" },
				{ "/admin/users/{id}", "role", "LEADER", "regionCodes", "610000" },
				{ "/admin/users/{id}/password", "password", "Copper-lantern-Meadow-77" },
				{ "/admin/users/{id}/disable" } };
		for (int n = 0; n < changes.length; n++) {
			String[] change = changes[n];
			String username = "rr-staff-" + n;
			this.users.ensure(username, Role.STAFF, "610100");
			MockHttpSession user = signedIn(this.mvc, username, TestUsers.PASSWORD);
			account(user).andExpect(status().isOk());
			assertThat(sessionsOf(username)).isEqualTo(1);

			var request = post(change[0], idOf(username)).session(admin).with(csrf());
			for (int i = 1; i + 1 < change.length; i += 2) {
				request.param(change[i], change[i + 1]);
			}
			this.mvc.perform(request).andExpect(status().is3xxRedirection());

			assertThat(sessionsOf(username)).as("open sessions of %s after %s", username, change[0]).isZero();
			account(user).andExpect(redirectedUrl("/login"));
			account(admin).andExpect(status().isOk());
		}
	}

	@Test
	void changingOnesOwnPasswordEndsOnesOtherSessionsButNotThisOne() throws Exception {
		this.users.ensure("rr-self", Role.STAFF, "610100");
		MockHttpSession here = signedIn(this.mvc, "rr-self", TestUsers.PASSWORD);
		MockHttpSession elsewhere = signedIn(this.mvc, "rr-self", TestUsers.PASSWORD);
		assertThat(sessionsOf("rr-self")).isEqualTo(2);

		this.mvc.perform(post("/account/password").session(here).with(csrf())
			.param("currentPassword", TestUsers.PASSWORD)
			.param("newPassword", "Copper-lantern-Meadow-77")
			.param("repeatPassword", "Copper-lantern-Meadow-77")).andExpect(redirectedUrl("/account/password"));

		account(here).andExpect(status().isOk());
		account(elsewhere).andExpect(redirectedUrl("/login"));
		assertThat(sessionsOf("rr-self")).isEqualTo(1);
	}

}
