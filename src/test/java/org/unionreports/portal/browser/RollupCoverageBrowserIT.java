package org.unionreports.portal.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import org.unionreports.portal.TestDataDirectory;
import org.unionreports.portal.TestFigures;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionLevel;
import org.unionreports.portal.region.RegionTree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage beside every change and every ratio, in a real browser (issue 16): a zone of five districts
 * whose covered units were reported by four of them in 2021 and four in 2022, three in both; the dashboard
 * shows the change over the three alone with both totals and their coverage, and the compare page shows
 * each figure per 10,000 members with what it rests on, or a dash where the members of the same regions
 * are not known. Each page is checked with axe-core, and on a phone's width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
@Import(TestUsers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupCoverageBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	RegionTree tree;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	Region zone;

	Region other;

	@BeforeAll
	void start() {
		Browser.assumeInstalled();
		List<Region> districts = new ArrayList<>();
		Access.asSystem(() -> {
			Region city = this.tree.find("620100").orElseThrow();
			this.zone = this.tree.addWithOwnCode(city, "覆盖测试新区", "Coverage zone", RegionLevel.ZONE);
			for (String name : List.of("东岗片区", "西固片区", "南山片区", "北滩片区", "中川片区")) {
				districts.add(this.tree.addWithOwnCode(this.zone, name, null, RegionLevel.GRASSROOTS));
			}
			this.other = this.tree.addWithOwnCode(city, "对照测试新区", "Comparison zone", RegionLevel.ZONE);
			return null;
		});
		TestFigures figures = new TestFigures(this.jdbc);
		// 2021: four districts, 1,250 units; 2022: four, 2,470, the first three in both: 920 → 970 (+5.4%).
		int[] units2021 = { 300, 320, 300, 330, -1 };
		int[] units2022 = { 310, 330, 330, -1, 1500 };
		for (int i = 0; i < districts.size(); i++) {
			long r2021 = figures.report(districts.get(i), 2021, 2021, "PUBLISHED");
			long r2022 = figures.report(districts.get(i), 2022, 2022, "PUBLISHED");
			if (units2021[i] >= 0) {
				figures.figure(r2021, "covered_units", units2021[i], "exact");
			}
			if (units2022[i] >= 0) {
				figures.figure(r2022, "covered_units", units2022[i], "exact");
			}
			// Every district gives its members and its competition units: a ratio of the same regions.
			figures.figure(r2022, "members", 20_000, "exact");
			figures.figure(r2022, "competition_units", 30, "余");
		}
		// The other zone's members come from its own report, its units from nobody: no ratio for it.
		figures.figure(figures.report(this.other, 2022, 2022, "PUBLISHED"), "members", 50_000, "exact");
		this.browser = new Browser("http://localhost:" + this.port);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theDashboardShowsTheChangeLikeForLikeWithBothTotalsAndTheirCoverage() {
		this.browser.open("/regions/" + this.zone.getCode() + "?period=2022");
		WebElement row = this.browser.find(By.xpath("//tr[th[normalize-space()='基层工会覆盖单位数']]"));
		// 2,470 units from four districts against 1,250 from four others in part: never ↑97.6%.
		assertThat(row.getText()).contains("2470个")
			.contains("同口径 3 个下级：↑5.4%")
			.contains("本期 2470个（5个下级中4个）；上期（2021年）1250个（5个下级中4个）")
			.doesNotContain("97.6");
		// Every change on the page stands beside what its figure rests on.
		for (WebElement changed : this.browser.driver().findElements(By.cssSelector("tr .change-line"))) {
			if (changed.getText().isBlank()) {
				continue;
			}
			WebElement line = changed.findElement(By.xpath("ancestor::tr"));
			assertThat(line.findElement(By.cssSelector(".coverage")).getText()).as(line.getText()).isNotBlank();
		}
		this.browser.assertAccessible();
		this.browser.screenshot("rollup-dashboard-like-for-like");
		this.browser.click(By.xpath("//tr[th[normalize-space()='基层工会覆盖单位数']]//a[contains(@class,'workings-link')]"));
		this.browser.waitForText(By.tagName("main"), "计算过程");
		assertThat(this.browser.text()).contains("只比较两期都报告、口径相同的 3 个下级：上期 920个，本期 970个")
			.contains("东岗片区")
			.contains("没有这一期间的数字");
		this.browser.assertAccessible();
		this.browser.screenshot("rollup-workings");
		this.browser.resize(390, 844);
		this.browser.open("/regions/" + this.zone.getCode() + "?period=2022");
		assertThat(this.browser.overflowsSideways()).as("the dashboard fits a phone").isFalse();
		this.browser.screenshot("rollup-dashboard-phone");
		this.browser.resize(1280, 1000);
	}

	@Test
	void theComparePageShowsEveryRatioWithItsCoverageOrADashWithTheReason() {
		this.browser.open("/regions/" + this.zone.getCode() + "/compare?with=" + this.other.getCode()
				+ "&period=2022&per=members");
		List<WebElement> ratios = this.browser.driver().findElements(By.cssSelector("td .ratio"));
		assertThat(ratios).isNotEmpty();
		int shown = 0;
		for (WebElement ratio : ratios) {
			if (ratio.getText().isBlank()) {
				continue;
			}
			shown++;
			WebElement cell = ratio.findElement(By.xpath("ancestor::td"));
			assertThat(cell.findElement(By.cssSelector(".coverage")).getText()).as(cell.getText()).isNotBlank();
		}
		assertThat(shown).isPositive();
		WebElement units = this.browser.find(By.xpath("//tr[th[contains(normalize-space(),'参赛单位数')]]"));
		// 30余 × 5 = 150余 units over 5 × 20,000 = 100,000 members: 15余家 per 10,000, over all five districts.
		assertThat(units.getText()).contains("15余家").contains("5个下级中5个");
		// Covered units rest on four districts whose members are known: 2,470 over 80,000 → 308.75个.
		WebElement covered = this.browser.find(By.xpath("//tr[th[contains(normalize-space(),'基层工会覆盖单位数')]]"));
		assertThat(covered.getText()).contains("308.75个").contains("5个下级中4个");
		this.browser.assertAccessible();
		this.browser.screenshot("rollup-compare-per-members");
	}

}
