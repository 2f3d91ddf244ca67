package org.unionreports.portal.identity;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestFigures;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.region.RegionTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17's findings of leaks and noise through the real filter chain: every kind of page says which
 * browser features it never uses (Permissions-Policy); a line feed in a username cannot forge a line of the
 * log; a text too long or with a NUL is refused naming its field, never with a 500; {@code /error} asked
 * for directly is a missing page. (That opening the sign-in page costs no session is checked on the real
 * server, in RealServerHardeningIT: Spring Security's test support for CSRF keeps its tokens in the session.)
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class OpenInternetHeadersAndLogTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	RegionTree regions;

	@Test
	void theErrorPageAskedForDirectlyIsAMissingPage() throws Exception {
		this.mvc.perform(get("/error")).andExpect(status().isNotFound());
		this.mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
	}

	@Test
	void aTextTooLongOrWithANulIsRefusedNamingItsField() throws Exception {
		this.users.ensure("oi-staff", Role.STAFF, "610100");
		String longPublisher = "工".repeat(100_000);
		this.mvc.perform(post("/api/reports").with(httpBasic("oi-staff", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"610100\",\"periodStart\":1991,\"title\":\"西安市1991年工作报告\","
					+ "\"source\":{\"publisher\":\"" + longPublisher + "\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("source.publisher"));
		this.mvc.perform(post("/api/reports").with(httpBasic("oi-staff", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"610100\",\"periodStart\":1991,\"title\":\"西安市\\u0000报告\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("title"));
		assertThat(this.jdbc.sql("select count(*) from report r join region g on g.id = r.region_id "
				+ "where g.code = '610100' and r.period_start = 1991").query(Integer.class).single()).isZero();
	}

	@Test
	void aTextNoFieldCheckCaughtIsStillRefusedWithA422NotA500() throws Exception {
		// A figure's note is a text column: a NUL in it is refused by PostgreSQL itself.
		this.users.ensure("oi-staff", Role.STAFF, "610100");
		TestFigures figures = new TestFigures(this.jdbc);
		long report = figures.report(this.regions.find("610100").orElseThrow(), 1992, 1992, "DRAFT");
		figures.figure(report, "members", 1000, "exact");
		long figure = this.jdbc.sql("select id from figure where report_id = ?").param(report).query(Long.class).single();
		this.mvc.perform(post("/api/reports/{id}/figures/{figure}/note", report, figure)
			.with(httpBasic("oi-staff", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"as printed\\u0000\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NUL")));
	}

	@Test
	void everyKindOfPageSendsAPermissionsPolicy() throws Exception {
		for (String path : new String[] { "/", "/login", "/regions/650000", "/regions/650000/embed", "/api/regions",
				"/swagger-ui.html" }) {
			this.mvc.perform(get(path))
				.andExpect(header().string("Permissions-Policy", org.hamcrest.Matchers.containsString("camera=()")));
		}
	}

	@Test
	void aLineFeedInAUsernameCannotForgeALogLine(CapturedOutput output) throws Exception {
		// The tests log at WARN; the security log writes at INFO, as it does in the portal.
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("security", LogLevel.INFO);
		try {
			this.mvc.perform(post("/login").with(csrf())
				.param("username", "nobody\n2026-12-02T00:00:00Z INFO security : LOGIN_SUCCEEDED subject=admin")
				.param("password", "wrong"));
		}
		finally {
			logging.setLogLevel("security", null);
		}
		assertThat(output.getOut()).contains("nobody\\u000a2026-12-02T00:00:00Z");
		assertThat(Arrays.stream(output.getOut().split("\n"))).noneMatch(line -> line.startsWith("2026-12-02T00:00:00Z INFO"));
	}

}
