package org.unionreports.portal.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators manage users through the pages and the API; every change is a security event. */
@PortalTest
class UserAdministrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	private MockHttpSession admin() throws Exception {
		this.users.ensure("ua-admin", Role.ADMIN, "000000");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", "ua-admin")
			.param("password", TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
		return session;
	}

	private Long idOf(String username) {
		return this.jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

	private List<String> eventsAbout(String username) {
		return this.jdbc.sql("select type || ' by ' || actor from security_event where subject = :u order by id")
			.param("u", username)
			.query(String.class)
			.list();
	}

	@Test
	void anAdministratorCreatesAUserChangesTheirRoleAndRegionsAndDisablesThem() throws Exception {
		MockHttpSession admin = admin();
		MvcResult created = this.mvc.perform(post("/admin/users").session(admin).with(csrf())
			.param("username", "ua-leader").param("password", TestUsers.PASSWORD).param("role", "STAFF")
			.param("regionCodes", "610100")).andReturn();
		Long id = idOf("ua-leader");
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + id);

		this.mvc.perform(post("/admin/users/{id}", id).session(admin).with(csrf()).param("role", "LEADER")
			.param("regionCodes", "610000, 650000")).andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(this.jdbc.sql("select g.code from user_region ur join region g on g.id = ur.region_id "
				+ "where ur.user_id = :id order by g.code").param("id", id).query(String.class).list())
			.containsExactly("610000", "650000");

		this.mvc.perform(post("/admin/users/{id}/disable", id).session(admin).with(csrf()));
		// Issue 17, finding 8: "disabled" only to one who knows the password; a guess learns nothing more.
		this.mvc.perform(post("/login").with(csrf()).param("username", "ua-leader").param("password", "not-the-password"))
			.andExpect(redirectedUrl("/login?error=bad"));
		this.mvc.perform(post("/login").with(csrf()).param("username", "ua-leader").param("password", TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/login?error=disabled"));
		this.mvc.perform(post("/admin/users/{id}/enable", id).session(admin).with(csrf()));
		this.mvc.perform(post("/login").with(csrf()).param("username", "ua-leader").param("password", TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/"));

		assertThat(eventsAbout("ua-leader")).containsSubsequence("USER_CREATED by ua-admin", "ROLE_CHANGED by ua-admin",
				"REGIONS_CHANGED by ua-admin", "USER_DISABLED by ua-admin", "USER_ENABLED by ua-admin");
		this.mvc.perform(get("/admin/security-events").session(admin))
			.andExpect(content().string(containsString("ua-leader")))
			.andExpect(content().string(containsString("更改负责地区")));
	}

	@Test
	void aDisabledAdministratorsOpenSessionCanDoNothingMore() throws Exception {
		this.users.ensure("ua-admin-2", Role.ADMIN, "000000");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", "ua-admin-2")
			.param("password", TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
		this.jdbc.sql("update app_user set enabled = false where username = 'ua-admin-2'").update();
		this.mvc.perform(post("/admin/users").session(session).with(csrf()).param("username", "ua-made-late")
			.param("password", TestUsers.PASSWORD).param("role", "ADMIN").param("regionCodes", "000000"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from app_user where username = 'ua-made-late'").query(Integer.class)
			.single()).isZero();
		this.jdbc.sql("update app_user set enabled = true where username = 'ua-admin-2'").update();
	}

	@Test
	void anAdministratorResetsAPassword() throws Exception {
		MockHttpSession admin = admin();
		this.users.ensure("ua-forgetful", Role.STAFF, "610100");
		Long id = idOf("ua-forgetful");
		this.mvc.perform(post("/admin/users/{id}/password", id).session(admin).with(csrf()).param("password", "1234"));
		this.mvc.perform(post("/admin/users/{id}/password", id).session(admin).with(csrf())
			.param("password", "Copper-Meadow-Falcon-5"));
		this.mvc.perform(post("/login").with(csrf()).param("username", "ua-forgetful").param("password", "Copper-Meadow-Falcon-5"))
			.andExpect(redirectedUrl("/"));
		assertThat(eventsAbout("ua-forgetful")).contains("PASSWORD_RESET by ua-admin");
	}

	@Test
	void anAdministratorCannotDisableThemselves() throws Exception {
		MockHttpSession admin = admin();
		Long id = idOf("ua-admin");
		this.mvc.perform(post("/admin/users/{id}/disable", id).session(admin).with(csrf()));
		assertThat(this.jdbc.sql("select enabled from app_user where id = :id").param("id", id).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void theApiCreatesAUserAndRefusesAnUnknownRegionOrATakenName() throws Exception {
		this.users.ensure("ua-api-admin", Role.ADMIN, "000000");
		String body = "{\"username\":\"ua-api-made\",\"password\":\"" + TestUsers.PASSWORD
				+ "\",\"role\":\"LEADER\",\"regionCodes\":[\"610000\"]}";
		this.mvc.perform(post("/api/admin/users").with(httpBasic("ua-api-admin", TestUsers.PASSWORD))
			.contentType("application/json").content(body))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.role").value("LEADER"))
			.andExpect(jsonPath("$.regionCodes[0]").value("610000"));
		this.mvc.perform(post("/api/admin/users").with(httpBasic("ua-api-admin", TestUsers.PASSWORD))
			.contentType("application/json").content(body)).andExpect(status().isConflict());
		this.mvc.perform(post("/api/admin/users").with(httpBasic("ua-api-admin", TestUsers.PASSWORD))
			.contentType("application/json")
			.content(body.replace("ua-api-made", "ua-api-other").replace("610000", "999999")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("999999")));
	}

}
