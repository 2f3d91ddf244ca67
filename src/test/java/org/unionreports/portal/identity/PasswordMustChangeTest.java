package org.unionreports.portal.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.signedIn;

/**
 * Issue 17, finding 9: a password the user did not choose (one an administrator reset; the generated first
 * administrator's is in {@link FirstAdministratorTest}) must be changed before the portal lets them on.
 */
@PortalTest
class PasswordMustChangeTest {

	private static final String RESET = "Copper-Meadow-Falcon-5";

	private static final String OWN = "Juniper-Canal-Whistle-38";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	private boolean mustChange(String username) {
		return this.jdbc.sql("select password_must_change from app_user where username = :u")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}

	private void resetByAnAdministrator(String username) throws Exception {
		this.users.ensure("pmc-admin", Role.ADMIN, "000000");
		Long id = this.jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
		this.mvc.perform(post("/admin/users/{id}/password", id).session(signedIn(this.mvc, "pmc-admin", TestUsers.PASSWORD))
			.with(csrf())
			.param("password", RESET)).andExpect(redirectedUrl("/admin/users/" + id));
	}

	@Test
	void aPasswordResetByAnAdministratorHoldsTheUserAtTheChangePageUntilChanged() throws Exception {
		this.users.ensure("pmc-staff", Role.STAFF, "610100");
		assertThat(mustChange("pmc-staff")).isFalse();
		resetByAnAdministrator("pmc-staff");
		assertThat(mustChange("pmc-staff")).isTrue();

		MockHttpSession session = signedIn(this.mvc, "pmc-staff", RESET);
		for (String page : new String[] { "/", "/staff", "/staff/reports/new", "/regions/610100", "/account" }) {
			this.mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/account/password"));
		}
		this.mvc.perform(post("/staff/reports").session(session).with(csrf()).param("regionCode", "610100"))
			.andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/staff/figure-preview").session(session).header("HX-Request", "true"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("HX-Redirect", "/account/password"));
		this.mvc.perform(get("/account/password").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请先设置您自己的密码")));
		this.mvc.perform(get("/css/portal.css").session(session)).andExpect(status().isOk());

		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", RESET)
			.param("newPassword", RESET)
			.param("repeatPassword", RESET))
			.andExpect(content().string(containsString("新密码不能与当前密码相同")));
		assertThat(mustChange("pmc-staff")).isTrue();
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", RESET)
			.param("newPassword", OWN)
			.param("repeatPassword", OWN))
			.andExpect(redirectedUrl("/account/password"));

		assertThat(mustChange("pmc-staff")).isFalse();
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/account/password").session(session))
			.andExpect(content().string(not(containsString("请先设置您自己的密码"))));
	}

	@Test
	void theApiAnswers403WithAProblemUntilThePasswordIsChanged() throws Exception {
		this.users.ensure("pmc-api", Role.STAFF, "610100");
		resetByAnAdministrator("pmc-api");
		this.mvc.perform(get("/api/regions/610100").with(httpBasic("pmc-api", RESET)))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value(containsString("须先修改密码")));
		this.mvc.perform(get("/api/regions/610100").with(httpBasic("pmc-api", RESET)).param("lang", "en"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("must be changed first")));
		this.mvc.perform(get("/api/regions/610100")).andExpect(status().isOk());

		MockHttpSession session = signedIn(this.mvc, "pmc-api", RESET);
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", RESET)
			.param("newPassword", OWN)
			.param("repeatPassword", OWN));
		this.mvc.perform(get("/api/regions/610100").with(httpBasic("pmc-api", OWN))).andExpect(status().isOk());
	}

	@Test
	void signingOutStaysOpen() throws Exception {
		this.users.ensure("pmc-leaver", Role.LEADER, "610000");
		resetByAnAdministrator("pmc-leaver");
		MockHttpSession session = signedIn(this.mvc, "pmc-leaver", RESET);
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/?loggedOut"));
	}

	@Test
	void anAdministratorWhoResetsTheirOwnPasswordNeedNotChangeItAgain() throws Exception {
		this.users.ensure("pmc-self", Role.ADMIN, "000000");
		Long id = this.jdbc.sql("select id from app_user where username = 'pmc-self'").query(Long.class).single();
		this.mvc.perform(post("/admin/users/{id}/password", id).session(signedIn(this.mvc, "pmc-self", TestUsers.PASSWORD))
			.with(csrf())
			.param("password", TestUsers.PASSWORD));
		assertThat(mustChange("pmc-self")).isFalse();
	}

}
