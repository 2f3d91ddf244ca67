package org.unionreports.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.newDraft;
import static org.unionreports.portal.MockMvcSteps.signedIn;

/**
 * The actuator as operators use it (docs/operations.md): the probes answer anyone with their status only;
 * the metrics, scraped as Prometheus does, carry the portal's own meters once the work they measure has
 * been done, and answer administrators and the scraper's account only.
 */
@PortalTest
class ActuatorTest {

	private static final String ADMIN = "act-admin";

	private static final String STAFF = "act-staff";

	private static final String LEADER = "act-leader";

	private static final String SCRAPER = "act-scraper";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void users() {
		this.users.ensure(ADMIN, Role.ADMIN, "000000");
		this.users.ensure(STAFF, Role.STAFF, "610100");
		this.users.ensure(LEADER, Role.LEADER, "610000");
		this.users.ensure(SCRAPER, Role.METRICS);
	}

	@Test
	void theProbesAnswerAnyoneWithTheirStatusOnly() throws Exception {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			this.mvc.perform(get(probe))
				.andExpect(status().isOk())
				.andExpect(content().json("{\"status\":\"UP\"}", JsonCompareMode.STRICT));
		}
		// CONTRACT.md: the bare health says UP, and nothing of the database or the disk to a visitor.
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"status\":\"UP\"}", JsonCompareMode.STRICT));
	}

	@Test
	void theMetricsAnswerAdministratorsAndTheScraperOnly() throws Exception {
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(SCRAPER, "not-the-password")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(LEADER, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(SCRAPER, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		// An administrator signed in to the pages reads them with the session, as with the admin pages.
		MockHttpSession admin = signedIn(this.mvc, ADMIN);
		this.mvc.perform(get("/actuator/prometheus").session(admin)).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus").session(signedIn(this.mvc, STAFF))).andExpect(status().isForbidden());
	}

	@Test
	void infoAndTheMetricsListingAreForAdministratorsAndNothingElseIsExposed() throws Exception {
		this.mvc.perform(get("/actuator/info").with(httpBasic(ADMIN, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.java.version").isNotEmpty())
			.andExpect(jsonPath("$.build.artifact").value("union-report-portal"));
		if (builtFromGit()) {
			this.mvc.perform(get("/actuator/info").with(httpBasic(ADMIN, TestUsers.PASSWORD)))
				.andExpect(jsonPath("$.git.commit.id").isNotEmpty());
		}
		this.mvc.perform(get("/actuator/metrics/portal.extraction").with(httpBasic(ADMIN, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		for (String endpoint : new String[] { "/actuator/info", "/actuator/metrics", "/actuator" }) {
			this.mvc.perform(get(endpoint)).andExpect(status().isUnauthorized());
			this.mvc.perform(get(endpoint).with(httpBasic(SCRAPER, TestUsers.PASSWORD))).andExpect(status().isForbidden());
			this.mvc.perform(get(endpoint).with(httpBasic(STAFF, TestUsers.PASSWORD))).andExpect(status().isForbidden());
		}
		// Only health, info, prometheus and metrics are exposed: the others are not there even for administrators.
		for (String endpoint : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/loggers", "/actuator/threaddump", "/actuator/configprops", "/actuator/mappings" }) {
			this.mvc.perform(get(endpoint).with(httpBasic(ADMIN, TestUsers.PASSWORD))).andExpect(status().isNotFound());
		}
		// Nothing under /actuator writes.
		this.mvc.perform(post("/actuator/loggers/root").with(httpBasic(ADMIN, TestUsers.PASSWORD))
			.contentType("application/json").content("{\"configuredLevel\":\"TRACE\"}")).andExpect(status().isForbidden());
	}

	@Test
	void aScrapeCarriesThePortalsOwnMetersOnceTheirWorkIsDone() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610115", 1963, "监控"); // 临潼区: a region no other test writes to
		double rollupGets = gets("rollup.figures");
		double pageHits = count(this.meters.find("cache.gets").tag("cache", "public.pages").tag("result", "hit"));
		double reportPages = count(this.meters.find("http.server.requests").tag("uri", "/reports/{id}"));

		// An import (a dry run), an extraction, a roll-up read (signed in: past the page cache), a PDF, and a
		// public page twice, the second time from the page cache.
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).param("dryRun", "true")
			.with(httpBasic(STAFF, TestUsers.PASSWORD)).contentType("text/csv")
			.content("metric_zh,unit,value\n工会会员数,人,100\n".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/extract").with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/plain;charset=UTF-8").content("全市工会会员435万余人。".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/regions/610000/figures").param("period", "2018-2022")
			.with(httpBasic(STAFF, TestUsers.PASSWORD))).andExpect(status().isOk());
		this.mvc.perform(get("/reports/{id}/export.pdf", 1).with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/reports/{id}", 1)).andExpect(status().isOk());
		this.mvc.perform(get("/reports/{id}", 1))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Portal-Cache", "hit"));
		signedIn(this.mvc, ADMIN);

		assertThat(gets("rollup.figures")).as("roll-up cache lookups").isGreaterThan(rollupGets);
		assertThat(count(this.meters.find("cache.gets").tag("cache", "public.pages").tag("result", "hit")))
			.as("page cache hits").isGreaterThan(pageHits);
		// A page sent from the page cache still counts under its page, not as UNKNOWN.
		assertThat(count(this.meters.find("http.server.requests").tag("uri", "/reports/{id}")))
			.as("requests of /reports/{id}").isEqualTo(reportPages + 2);

		String scrape = this.mvc.perform(get("/actuator/prometheus").with(httpBasic(SCRAPER, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/plain")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(scrape).containsPattern(sample("portal_import_seconds_count",
				"format=\"csv\".*mode=\"check\".*outcome=\"accepted\"", "[1-9]"))
			.containsPattern(sample("portal_extraction_seconds_count", "", "[1-9]"))
			.containsPattern(sample("portal_pdf_layout_seconds_count", "", "[1-9]"))
			.containsPattern(sample("portal_pdf_wait_seconds_count", "", "[1-9]"))
			.containsPattern(sample("portal_pdf_layouts_waiting", "", "0"))
			.containsPattern(sample("portal_pdf_layouts_active", "", "0"))
			.containsPattern(sample("cache_gets_total", "cache=\"rollup.figures\".*result=\"hit\"", "\\d"))
			.containsPattern(sample("cache_gets_total", "cache=\"rollup.figures\".*result=\"miss\"", "\\d"))
			.containsPattern(sample("cache_gets_total", "cache=\"dashboard.views\".*result=\"hit\"", "\\d"))
			.containsPattern(sample("cache_gets_total", "cache=\"public.pages\".*result=\"hit\"", "[1-9]"))
			.containsPattern(sample("portal_page_cache_weight_bytes", "", "[1-9]"))
			.containsPattern(sample("portal_data_changes_heard", "", "1"))
			.containsPattern(sample("portal_sessions_signed_in", "", "\\d"))
			.containsPattern(sample("portal_security_events_total", "type=\"LOGIN_SUCCEEDED\"", "[1-9]"))
			.containsPattern(sample("http_server_requests_seconds_count", "uri=\"/reports/\\{id}\"", "[1-9]"))
			.containsPattern(sample("http_server_requests_seconds_count", "uri=\"/api/regions/\\{code}/figures\"", "[1-9]"))
			.containsPattern(sample("hikaricp_connections_pending", "", "\\d"));
	}

	/** Whether the build found a git repository: from a tarball, git.properties holds no commit. */
	private boolean builtFromGit() throws IOException {
		Properties git = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/git.properties")) {
			if (in != null) {
				git.load(in);
			}
		}
		return git.containsKey("git.commit.id");
	}

	/** A sample line: the metric, its labels (the application's among them) matching, and its value's start. */
	private static String sample(String metric, String labels, String valueStart) {
		return "(?m)^" + metric + "\\{[^}]*" + labels + "[^}]*} " + valueStart;
	}

	private double gets(String cache) {
		return count(this.meters.find("cache.gets").tag("cache", cache));
	}

	private static double count(Search search) {
		return search.functionCounters().stream().mapToDouble(counter -> counter.count()).sum()
				+ search.counters().stream().mapToDouble(counter -> counter.count()).sum()
				+ search.timers().stream().mapToDouble(timer -> timer.count()).sum();
	}

}
