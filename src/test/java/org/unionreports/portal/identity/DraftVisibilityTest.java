package org.unionreports.portal.identity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A draft of 西安市 is seen by those whose regions cover 西安市, and exists for nobody else. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftVisibilityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	Long draft;

	@BeforeAll
	void createDraftAndUsers() {
		this.users.ensure("dv-xian-staff", Role.STAFF, "610100");
		this.users.ensure("dv-shaanxi-staff", Role.STAFF, "610000");
		this.users.ensure("dv-xinjiang-staff", Role.STAFF, "650000");
		this.users.ensure("dv-beilin-staff", Role.STAFF, "610103");
		this.users.ensure("dv-admin", Role.ADMIN, "000000");
		this.draft = this.jdbc.sql("""
				insert into report (region_id, period_start, period_end, title)
				values ((select id from region where code = '610100'), 1999, 1999, '西安市1999年草稿')
				returning id""").query(Long.class).single();
	}

	@Test
	void anonymousVisitorsDoNotSeeTheDraft() throws Exception {
		this.mvc.perform(get("/reports/{id}", this.draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/reports/{id}", this.draft)).andExpect(status().isNotFound());
	}

	@Test
	void staffOfXinjiangDoNotSeeTheDraft() throws Exception {
		this.mvc.perform(get("/reports/{id}", this.draft).with(user("dv-xinjiang-staff").roles("STAFF")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/reports/{id}", this.draft).with(httpBasic("dv-xinjiang-staff", TestUsers.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAdministratorOfTheWholeCountryDoesNotSeeTheDraft() throws Exception {
		// Issue 17, finding 10: administrators manage users, not reports, though they hold 000000.
		this.mvc.perform(get("/reports/{id}", this.draft).with(user("dv-admin").roles("ADMIN")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/reports/{id}", this.draft).with(httpBasic("dv-admin", TestUsers.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void staffOfARegionBelowXianDoNotSeeTheDraft() throws Exception {
		this.mvc.perform(get("/reports/{id}", this.draft).with(user("dv-beilin-staff").roles("STAFF")))
			.andExpect(status().isNotFound());
	}

	@Test
	void staffOfXianSeeTheDraftMarkedAsADraft() throws Exception {
		this.mvc.perform(get("/reports/{id}", this.draft).with(user("dv-xian-staff").roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("西安市1999年草稿")))
			.andExpect(content().string(containsString("草稿")));
		this.mvc.perform(get("/api/reports/{id}", this.draft).with(httpBasic("dv-xian-staff", TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"));
	}

	@Test
	void staffOfShaanxiSeeTheDraftOfACityBelow() throws Exception {
		this.mvc.perform(get("/reports/{id}", this.draft).with(user("dv-shaanxi-staff").roles("STAFF")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/reports/{id}", this.draft).with(httpBasic("dv-shaanxi-staff", TestUsers.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void aDisabledAccountSeesNoDraft() throws Exception {
		this.users.ensure("dv-disabled", Role.STAFF, "610100");
		this.jdbc.sql("update app_user set enabled = false where username = 'dv-disabled'").update();
		this.mvc.perform(get("/reports/{id}", this.draft).with(user("dv-disabled").roles("STAFF")))
			.andExpect(status().isNotFound());
	}

}
