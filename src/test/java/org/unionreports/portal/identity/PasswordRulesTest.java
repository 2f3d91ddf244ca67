package org.unionreports.portal.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.signedIn;

/** The password rules, through the real forms: an administrator creating a user, a user changing theirs. */
@PortalTest
class PasswordRulesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordPolicy policy;

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource({ "short1!, 至少需要 10 个字符", "password123, 太常见", "qwertyuiop, 太常见", "1234567890, 太常见",
			"woaini1314, 太常见", "pr-new-admin-user-2024, 不能包含用户名" })
	void anAdministratorCannotGiveAWeakPassword(String password, String message) throws Exception {
		this.users.ensure("pr-admin", Role.ADMIN, "000000");
		MockHttpSession admin = signedIn(this.mvc, "pr-admin", TestUsers.PASSWORD);
		this.mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "pr-new-admin-user")
			.param("password", password).param("role", "STAFF").param("regionCodes", "610100"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(message)));
		assertThat(this.jdbc.sql("select count(*) from app_user where username = 'pr-new-admin-user'")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aUserChangesTheirOwnPasswordAndSignsInWithTheNewOne() throws Exception {
		this.users.ensure("pr-changer", Role.STAFF, "610100");
		MockHttpSession session = signedIn(this.mvc, "pr-changer", TestUsers.PASSWORD);
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", TestUsers.PASSWORD)
			.param("newPassword", "abc12345")
			.param("repeatPassword", "abc12345"))
			.andExpect(content().string(containsString("至少需要 10 个字符")));
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", "not-my-password")
			.param("newPassword", "Lantern-Harbour-93")
			.param("repeatPassword", "Lantern-Harbour-93"))
			.andExpect(content().string(containsString("当前密码不正确")));
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", TestUsers.PASSWORD)
			.param("newPassword", "Lantern-Harbour-93")
			.param("repeatPassword", "Lantern-Harbour-93"))
			.andExpect(redirectedUrl("/account/password"));
		signedIn(this.mvc, "pr-changer", "Lantern-Harbour-93");
	}

	@Test
	void passwordsAreStoredWithAnAdaptiveHash() {
		this.users.ensure("pr-hashed", Role.STAFF, "610100");
		String hash = this.jdbc.sql("select password_hash from app_user where username = 'pr-hashed'")
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestUsers.PASSWORD);
	}

	@Test
	void theAccountPageExplainsTheRules() throws Exception {
		this.users.ensure("pr-reader", Role.STAFF, "610100");
		this.mvc.perform(get("/account/password").session(signedIn(this.mvc, "pr-reader", TestUsers.PASSWORD)))
			.andExpect(content().string(containsString("至少 10 个字符")));
	}

	@Test
	void aLongUnusualPassphrasePasses() {
		assertThat(this.policy.problem("Lantern-Harbour-93", "someone")).isEmpty();
		assertThat(this.policy.problem("Password1!", "someone")).contains("password.tooCommon");
	}

	/**
	 * Issue 17, finding 9: zxcvbn's dictionaries are English, and these passed. Chinese common passwords,
	 * pinyin names, place names and the union's own words, capitalised, in l33t, with a year or a symbol.
	 */
	@ParameterizedTest(name = "{0} is refused")
	@ValueSource(strings = { "woaini1314520", "zhangwei123456", "gonghui2024!", "Xinjiang@2023", "Guangdong2024!",
			"Beijing@2008", "Shaanxi2023!", "wangfang1988", "liuyang520520", "zhangxiaoming88", "lisi19900101",
			"W0ain1@1314", "Woaini@520", "Zhigong@2024", "ZongGongHui2023", "Zhongguo@123" })
	void aPasswordChineseUsersChooseIsRefusedWhenAUserChangesTheirs(String password) throws Exception {
		this.users.ensure("pr-chinese", Role.STAFF, "650000");
		MockHttpSession session = signedIn(this.mvc, "pr-chinese", TestUsers.PASSWORD);
		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", TestUsers.PASSWORD)
			.param("newPassword", password)
			.param("repeatPassword", password))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("这个密码太常见或太容易猜到")));
		signedIn(this.mvc, "pr-chinese", TestUsers.PASSWORD);
	}

	@Test
	void theRefusalReadsInEnglishAndThroughTheApiToo() throws Exception {
		this.users.ensure("pr-english", Role.STAFF, "110000");
		MockHttpSession session = signedIn(this.mvc, "pr-english", TestUsers.PASSWORD);
		this.mvc.perform(post("/account/password").session(session).with(csrf()).param("lang", "en")
			.param("currentPassword", TestUsers.PASSWORD)
			.param("newPassword", "Xinjiang@2023")
			.param("repeatPassword", "Xinjiang@2023"))
			.andExpect(content().string(containsString("This password is too common or too easy to guess")));
		this.users.ensure("pr-api-admin", Role.ADMIN, "000000");
		this.mvc.perform(post("/api/admin/users").with(httpBasic("pr-api-admin", TestUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"username\":\"pr-api-weak\",\"password\":\"gonghui2024!\",\"role\":\"STAFF\","
					+ "\"regionCodes\":[\"650000\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("太常见")));
		assertThat(this.jdbc.sql("select count(*) from app_user where username = 'pr-api-weak'")
			.query(Integer.class).single()).isZero();
	}

	@ParameterizedTest(name = "{0} passes")
	@ValueSource(strings = { "Lantern-Harbour-93", "Copper-Meadow-Falcon-5", "Tea-kettle-Orbit-42",
			"paddle-Wuzhen-orbit-44", "Xiao-Ming-Lantern-Pier-7", "kq7#Vm2!xTp9" })
	void aStrongPassphraseStillPassesAmongTheChineseWords(String password) {
		assertThat(this.policy.problem(password, "someone")).isEmpty();
	}

}
