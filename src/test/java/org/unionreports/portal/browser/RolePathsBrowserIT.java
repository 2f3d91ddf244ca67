package org.unionreports.portal.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import org.unionreports.portal.TestDataDirectory;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main path of every role, in a real browser, in the order people take it (issue 8): the
 * administrator creates a staff member for 西安市 and a leader for 陕西省; staff enter and submit the 2023
 * report; the leader returns it, staff correct it, the leader approves and publishes; a visitor finds the
 * figures rolled up on 陕西省's dashboard, in English too, and downloads them; a journalist finds a region
 * by name, opens a report and copies its summary. Each step leaves a screenshot in
 * target/browser-screenshots/ and the main pages are checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
@Import(TestUsers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolePathsBrowserIT {

	static final String STAFF = "xian-staff";

	static final String LEADER = "shaanxi-leader";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	Browser browser;

	String reportPath;

	@BeforeAll
	void start() {
		Browser.assumeInstalled();
		this.users.ensure("bt-admin", Role.ADMIN, "000000");
		this.browser = new Browser("http://localhost:" + this.port);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void theAdministratorCreatesAStaffMemberForXianAndALeaderForShaanxi() {
		this.browser.signIn("bt-admin", TestUsers.PASSWORD);
		createUser(STAFF, "STAFF", "610100");
		createUser(LEADER, "LEADER", "610000");
		this.browser.open("/admin/users");
		assertThat(this.browser.text()).contains(STAFF).contains(LEADER);
		this.browser.assertAccessible();
		this.browser.screenshot("admin-users");
	}

	private void createUser(String username, String role, String region) {
		this.browser.open("/admin/users/new");
		this.browser.type(By.id("username"), username);
		this.browser.type(By.id("password"), TestUsers.PASSWORD);
		new Select(this.browser.find(By.id("role"))).selectByValue(role);
		this.browser.type(By.id("regionCodes"), region);
		this.browser.screenshot("admin-new-" + role.toLowerCase());
		this.browser.click(By.cssSelector("main form button[type=submit]"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
	}

	@Test
	@Order(2)
	void staffEnterTheReportSeeTheMessageForAPercentageOf120CorrectItAndSubmit() {
		this.browser.signIn(STAFF, TestUsers.PASSWORD);
		this.browser.open("/staff/reports/new");
		this.browser.type(By.id("regionCode"), "610100");
		this.browser.type(By.id("periodStart"), "2023");
		this.browser.type(By.id("periodEnd"), "2023");
		this.browser.type(By.id("title"), "西安市总工会2023年工作报告");
		this.browser.screenshot("staff-new-report");
		this.browser.click(By.cssSelector("main form button[type=submit]"));
		this.browser.waitFor(By.cssSelector("form[action$='/submit']"));
		Matcher id = Pattern.compile("/staff/reports/(\\d+)").matcher(this.browser.path());
		assertThat(id.find()).isTrue();
		this.reportPath = "/staff/reports/" + id.group(1);

		this.browser.open(this.reportPath + "/sections");
		this.browser.type(By.id("sections0.narrative"), "2023年，全市工会会员达到320万余人，集体合同签订率保持高位。");
		this.browser.click(By.cssSelector("button[value=save]"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		this.browser.screenshot("staff-sections");

		this.browser.open(this.reportPath + "/figures");
		this.browser.type(By.id("cell-members"), "320万余");
		// htmx asks how the cell will be stored as it is typed, and puts the answer beside it.
		this.browser.waitForText(By.id("preview-members"), "320万余人");
		this.browser.type(By.id("cell-grassroots_unions"), "1.2万");
		this.browser.type(By.id("cell-collective_contract_rate"), "120");
		this.browser.click(By.cssSelector("button[value=save]"));
		this.browser.waitFor(By.id("grid-errors"));
		assertThat(this.browser.find(By.id("cell-collective_contract_rate")).getAttribute("class")).contains("is-invalid");
		assertThat(this.browser.find(By.id("cell-members")).getAttribute("value")).isEqualTo("320万余");
		this.browser.screenshot("staff-figures-120-percent");
		this.browser.assertAccessible();

		this.browser.type(By.id("cell-collective_contract_rate"), "98");
		this.browser.click(By.cssSelector("button[value=save]"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		this.browser.screenshot("staff-figures-saved");

		this.browser.open(this.reportPath);
		this.browser.click(By.cssSelector("form[action$='/submit'] button"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		assertThat(this.browser.text()).contains("已提交");
		this.browser.screenshot("staff-submitted");
	}

	@Test
	@Order(3)
	void theLeaderReturnsItStaffCorrectAndResubmitAndTheLeaderApprovesAndPublishes() {
		this.browser.signIn(LEADER, TestUsers.PASSWORD);
		this.browser.open(this.reportPath);
		this.browser.type(By.name("comment"), "请补充职工书屋数。");
		this.browser.click(By.cssSelector("form[action$='/return'] button"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		this.browser.screenshot("leader-returned");

		this.browser.signIn(STAFF, TestUsers.PASSWORD);
		this.browser.open(this.reportPath);
		assertThat(this.browser.text()).contains("请补充职工书屋数。");
		this.browser.open(this.reportPath + "/figures");
		// With the keyboard alone: the cell, its value, Enter.
		this.browser.type(By.id("cell-worker_libraries"), "180");
		this.browser.find(By.id("cell-worker_libraries")).sendKeys(org.openqa.selenium.Keys.ENTER);
		this.browser.waitFor(By.cssSelector(".alert-success"));
		assertThat(this.browser.find(By.id("cell-worker_libraries")).getAttribute("value")).isEqualTo("180");
		this.browser.open(this.reportPath);
		this.browser.click(By.cssSelector("form[action$='/submit'] button"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		this.browser.screenshot("staff-resubmitted");

		this.browser.signIn(LEADER, TestUsers.PASSWORD);
		this.browser.open(this.reportPath);
		this.browser.click(By.cssSelector("form[action$='/approve'] button"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		this.browser.click(By.cssSelector("form[action$='/publish'] button"));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		assertThat(this.browser.text()).contains("已发布");
		this.browser.screenshot("leader-published");
	}

	@Test
	@Order(4)
	void aVisitorFindsTheFiguresRolledUpOnShaanxisDashboardInEnglishTooAndDownloadsThem() throws Exception {
		this.browser.signOut();
		this.browser.open("/regions/610000?period=2023");
		assertThat(this.browser.text()).contains("320万余人").contains("西安市");
		this.browser.assertAccessible();
		this.browser.screenshot("visitor-dashboard");
		this.browser.click(By.cssSelector("a[hreflang=en]"));
		this.browser.waitForText(By.tagName("h1"), "Shaanxi");
		assertThat(this.browser.text()).contains("over 3.2 million people");
		this.browser.assertAccessible();
		this.browser.screenshot("visitor-dashboard-english");
		HttpClient http = HttpClient.newHttpClient();
		for (String format : new String[] { "csv", "pdf" }) {
			String href = this.browser.find(By.cssSelector("a[href*='/regions/610000/export." + format + "']"))
				.getAttribute("href");
			HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(href)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.body().length).isGreaterThan(100);
			assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		}
	}

	@Test
	@Order(5)
	void aJournalistFindsARegionByNameOpensAReportAndCopiesItsSummary() {
		this.browser.signOut();
		this.browser.open("/?lang=zh");
		this.browser.assertAccessible();
		this.browser.type(By.name("q"), "西安");
		this.browser.click(By.cssSelector("main form button[type=submit]"));
		this.browser.waitFor(By.cssSelector("a[href='/regions/610100']")).click();
		this.browser.waitForText(By.tagName("h1"), "西安市");
		this.browser.click(By.partialLinkText("2023"));
		this.browser.waitForText(By.id("report-summary"), "320万余人");
		this.browser.assertAccessible();
		this.browser.click(By.cssSelector("button[data-copy=report-summary]"));
		this.browser.screenshot("journalist-report-summary");
	}

	@Test
	@Order(6)
	void theSignInAndComparisonPagesPassTheAccessibilityRulesToo() {
		this.browser.signOut();
		this.browser.open("/login");
		this.browser.assertAccessible();
		this.browser.open("/regions/610000/compare?with=650000&period=2018-2022");
		assertThat(this.browser.text()).contains("新疆维吾尔自治区");
		// ECharts, fetched by charts.js, draws the chart on a canvas and then shows the button that saves it.
		this.browser.waitFor(By.cssSelector("#compare-chart canvas"));
		this.browser.waitFor(By.cssSelector("button[data-chart-png=compare-chart]"));
		this.browser.assertAccessible();
		this.browser.screenshot("visitor-compare");
	}

	@Test
	@Order(7)
	void theDashboardAReportAndTheFigureGridWorkOnAPhone() {
		this.browser.resize(390, 844);
		this.browser.open("/regions/610000?period=2023");
		this.browser.screenshot("phone-dashboard");
		assertThat(this.browser.overflowsSideways()).as("the dashboard at 390 px").isFalse();
		this.browser.open("/reports/" + this.reportPath.substring(this.reportPath.lastIndexOf('/') + 1));
		this.browser.screenshot("phone-report");
		assertThat(this.browser.overflowsSideways()).as("a report at 390 px").isFalse();
		this.browser.signIn(STAFF, TestUsers.PASSWORD);
		this.browser.open(this.reportPath + "/figures");
		this.browser.screenshot("phone-figure-grid");
		assertThat(this.browser.overflowsSideways()).as("the figure grid at 390 px").isFalse();
		this.browser.resize(1280, 1000);
	}

}
