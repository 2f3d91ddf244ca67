package org.unionreports.portal.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.signedIn;

/**
 * The scraper's account (METRICS) reads /actuator/prometheus and nothing else: it signs in to no page,
 * reads no report, holds no region, and can be made by an administrator or from the settings at start.
 * (Every page and API endpoint refusing it is EndpointAccessTest's.)
 */
@PortalTest
class MetricsAccountTest {

	private static final String SCRAPER = "ma-scraper";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAdministration administration;

	@Autowired
	PasswordPolicy policy;

	@BeforeEach
	void scraper() {
		this.users.ensure(SCRAPER, Role.METRICS);
		this.users.ensure("ma-admin", Role.ADMIN, "000000");
	}

	@Test
	void theSignInFormRefusesItAfterCheckingItsPassword() throws Exception {
		// A wrong password reads as any wrong password: a guess learns nothing of the account.
		this.mvc.perform(post("/login").with(csrf()).param("username", SCRAPER).param("password", "not-the-password"))
			.andExpect(redirectedUrl("/login?error=bad"));
		MockHttpSession browser = new MockHttpSession();
		this.mvc.perform(post("/login").session(browser).with(csrf()).param("username", SCRAPER)
			.param("password", TestUsers.PASSWORD)).andExpect(redirectedUrl("/login?error=metrics"));
		this.mvc.perform(get("/login").param("error", "metrics").param("lang", "en"))
			.andExpect(content().string(containsString("This is a metrics account")));
		// Not signed in: the session carries no user, and the staff desk sends it back to the login.
		this.mvc.perform(get("/staff").session(browser)).andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc.sql("select details from security_event where subject = :u and type = 'LOGIN_FAILED' "
				+ "order by id desc limit 1").param("u", SCRAPER).query(String.class).single())
			.isEqualTo("MetricsAccountException");
	}

	@Test
	void itReadsNoReportAndNoPageWithItsCredentials() throws Exception {
		this.mvc.perform(get("/api/reports/{id}", 1).with(httpBasic(SCRAPER, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/regions").with(httpBasic(SCRAPER, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		// The pages take no HTTP Basic: it is no one there, and the administration sends it to the login.
		this.mvc.perform(get("/admin/users").with(httpBasic(SCRAPER, TestUsers.PASSWORD)))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(SCRAPER, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void anAdministratorMakesOneWithoutRegionsAndItsResetPasswordNeedNotBeChanged() throws Exception {
		MockHttpSession admin = signedIn(this.mvc, "ma-admin");
		MvcResult refused = this.mvc.perform(post("/admin/users").session(admin).with(csrf()).param("lang", "en")
			.param("username", "ma-page-scraper").param("password", TestUsers.PASSWORD).param("role", "METRICS")
			.param("regionCodes", "610100")).andExpect(status().isOk()).andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("holds no region");
		this.mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "ma-page-scraper")
			.param("password", TestUsers.PASSWORD).param("role", "METRICS").param("regionCodes", ""))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/api/admin/users").with(httpBasic("ma-admin", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"ma-api-scraper\",\"password\":\"" + TestUsers.PASSWORD
					+ "\",\"role\":\"METRICS\",\"regionCodes\":[]}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("ma-api-scraper", TestUsers.PASSWORD)))
			.andExpect(status().isOk());

		Long id = idOf("ma-page-scraper");
		this.mvc.perform(post("/admin/users/{id}/password", id).session(admin).with(csrf())
			.param("password", "Another-Orbit-Kettle-77")).andExpect(redirectedUrl("/admin/users/" + id));
		// It cannot reach the password page, so a reset password is the one its scraper is given.
		assertThat(this.jdbc.sql("select password_must_change from app_user where id = :id").param("id", id)
			.query(Boolean.class).single()).isFalse();
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("ma-page-scraper", "Another-Orbit-Kettle-77")))
			.andExpect(status().isOk());
	}

	@Test
	void theSettingsMakeItAtStartUnlessItExists() throws Exception {
		configured("ma-configured", "").createIfNeeded();
		assertThat(this.administration.exists("ma-configured")).as("only one of the two settings").isFalse();

		configured("ma-configured", TestUsers.PASSWORD).createIfNeeded();
		configured("ma-configured", "Another-Orbit-Kettle-77").createIfNeeded();
		assertThat(this.jdbc.sql("""
				select u.role || ':' || u.password_must_change || ':' || count(ur.region_id)
				from app_user u left join user_region ur on ur.user_id = u.id
				where u.username = 'ma-configured' group by u.role, u.password_must_change""")
			.query(String.class)
			.list()).containsExactly("METRICS:false:0");
		// The first password stands: the second start found the account there and left it alone.
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("ma-configured", TestUsers.PASSWORD)))
			.andExpect(status().isOk());
	}

	/** The account as a start with these settings (PORTAL_METRICS_USERNAME, _PASSWORD) makes it. */
	private MetricsAccount configured(String username, String password) {
		return new MetricsAccount(this.administration, this.policy, new MetricsAccountSettings(username, password));
	}

	private Long idOf(String username) {
		return this.jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
	}

}
