package org.unionreports.portal.browser;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import org.unionreports.portal.PortalHttp;
import org.unionreports.portal.TestDataDirectory;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Script typed into a report's title, source, section heading and narrative, a figure's label and note,
 * a search and a user name is shown as text on every page that shows it, in a real browser: no script
 * runs (each payload would set {@code window.__xss}) and the payload is visible as typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
@Import(TestUsers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptInjectionBrowserIT {

	private static final String TITLE = "雁塔区报告<script>window.__xss='title'</script>";

	private static final String HEADING = "维权<img src=x onerror=\"window.__xss='heading'\">";

	private static final String NARRATIVE = "正文</p><script>window.__xss='narrative'</script><p>";

	private static final String LABEL = "标签<svg onload=\"window.__xss='label'\">";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	long report;

	@BeforeAll
	void start() throws Exception {
		Browser.assumeInstalled();
		this.users.ensure("xss-staff", Role.STAFF, "610100");
		this.users.ensure("xss-admin", Role.ADMIN, "000000");
		this.report = Long.parseLong(send("/api/reports", "application/json", """
				{"regionCode":"610113","periodStart":2029,"title":"%s",
				 "source":{"publisher":"<b onmouseover=\\"window.__xss='source'\\">报社</b>","url":"https://example.org/\\"><script>window.__xss='url'</script>"}}"""
			.formatted(TITLE.replace("\"", "\\\"")), 201).replaceAll("\\D", ""));
		send("/api/reports/" + this.report + "/figures/import", "text/csv; charset=UTF-8", """
				section,metric_zh,value,unit,family,kind,note
				"%s","%s",5,个,other,flow,"<script>window.__xss='note'</script>"
				""".formatted(HEADING.replace("\"", "\"\""), LABEL.replace("\"", "\"\"")), 200);
		this.jdbc.sql("update section set narrative = ? where report_id = ?").param(NARRATIVE).param(this.report).update();
		this.jdbc.sql("update report set status = 'PUBLISHED', published_at = now() where id = ?").param(this.report).update();
		this.browser = new Browser("http://localhost:" + this.port);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void scriptInReportsFiguresSearchesAndUserNamesIsShownAsTextAndNeverRuns() {
		this.browser.open("/reports/" + this.report);
		this.browser.waitFor(By.cssSelector("h1"));
		// Every payload is on the page as the characters typed: escaped, not parsed. (That no script ran is
		// checked too, though the Content-Security-Policy would stop an inline script that slipped through.)
		assertThat(this.browser.text()).contains(TITLE).contains(HEADING).contains(LABEL).contains(NARRATIVE)
			.contains("<b onmouseover=\"window.__xss='source'\">报社</b>")
			.contains("<script>window.__xss='note'</script>")
			.contains("https://example.org/\"><script>window.__xss='url'</script>");
		// The summary is loaded by htmx after the page: wait for it, then check nothing ran.
		this.browser.waitForText(By.id("report-summary"), "雁塔区");
		noScriptRan("report page");
		this.browser.screenshot("xss-report");

		this.browser.open("/regions/610113");
		this.browser.waitFor(By.cssSelector("h1"));
		assertThat(this.browser.text()).contains(TITLE);
		noScriptRan("dashboard");

		this.browser.open("/?q=" + java.net.URLEncoder.encode("<script>window.__xss='search'</script>", StandardCharsets.UTF_8));
		this.browser.waitFor(By.cssSelector("h1"));
		noScriptRan("search");

		this.browser.signIn("xss-staff", TestUsers.PASSWORD);
		this.browser.open("/staff/reports/" + this.report + "/history");
		this.browser.waitFor(By.cssSelector("h1"));
		assertThat(this.browser.text()).contains(LABEL);
		noScriptRan("history");
		this.browser.signOut();

		this.browser.signIn("xss-admin", TestUsers.PASSWORD);
		this.browser.open("/admin/users/new");
		this.browser.type(By.id("username"), "<img src=x onerror=\"window.__xss='user'\">");
		this.browser.type(By.id("password"), TestUsers.PASSWORD);
		new Select(this.browser.find(By.id("role"))).selectByValue("STAFF");
		this.browser.type(By.id("regionCodes"), "610100");
		this.browser.click(By.cssSelector("main form button[type=submit]"));
		this.browser.waitFor(By.cssSelector(".invalid-feedback, .alert-danger"));
		assertThat(this.browser.find(By.id("username")).getAttribute("value")).contains("onerror");
		noScriptRan("user form");
		this.browser.screenshot("xss-user-form");
	}

	private void noScriptRan(String page) {
		Object flag = this.browser.driver().executeScript("return window.__xss === undefined ? null : window.__xss;");
		assertThat(flag).as("script ran on the " + page).isNull();
		assertThatThrownBy(() -> this.browser.driver().switchTo().alert()).as("an alert on the " + page)
			.isInstanceOf(NoAlertPresentException.class);
	}

	private String send(String path, String type, String body, int expected) {
		HttpResponse<String> answer = new PortalHttp(this.port).post(path, type, body, "xss-staff", TestUsers.PASSWORD);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
		return answer.body();
	}

}
