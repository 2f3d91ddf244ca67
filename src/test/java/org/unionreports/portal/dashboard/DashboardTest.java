package org.unionreports.portal.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestFigures;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionLevel;
import org.unionreports.portal.region.RegionTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard page on a small tree made here: zone Y with grassroots unions P and Q. What it must show
 * was worked out by hand:
 * <ul>
 * <li>2020: P 1000 members, 5 competitions. Q nothing.</li>
 * <li>2021: P 1200余 members, 6 competitions; Q 800 members, 2 competitions; Y's own report says 12
 * competitions (its sub-regions add up to 8: a mismatch).</li>
 * <li>2022: a draft of Q, 900 members.</li>
 * </ul>
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegionTree tree;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	TransactionTemplate transactions;

	Region zone;

	Region p;

	Region q;

	@BeforeAll
	void makeTheTree() {
		Access.asSystem(() -> {
			Region parent = this.tree.find("654200").orElseThrow();
			this.zone = this.tree.addWithOwnCode(parent, "看板测试区", "Dashboard zone", RegionLevel.ZONE);
			this.p = this.tree.addWithOwnCode(this.zone, "丁基层工会", "Union P", RegionLevel.GRASSROOTS);
			this.q = this.tree.addWithOwnCode(this.zone, "戊基层工会", "Union Q", RegionLevel.GRASSROOTS);
			return null;
		});
		long p2020 = report(this.p, 2020, "PUBLISHED");
		figure(p2020, "members", 1000, "exact");
		figure(p2020, "competitions_held", 5, "exact");
		long p2021 = report(this.p, 2021, "PUBLISHED");
		figure(p2021, "members", 1200, "余");
		figure(p2021, "competitions_held", 6, "exact");
		long q2021 = report(this.q, 2021, "PUBLISHED");
		figure(q2021, "members", 800, "exact");
		figure(q2021, "competitions_held", 2, "exact");
		figure(report(this.zone, 2021, "PUBLISHED"), "competitions_held", 12, "exact");
		figure(report(this.q, 2022, "DRAFT"), "members", 900, "exact");
		this.users.ensure("db-zone-staff", Role.STAFF, this.zone.getCode());
	}

	private long report(Region region, int year, String status) {
		return new TestFigures(this.jdbc).report(region, year, year, status);
	}

	private void figure(long report, String metric, long value, String qualifier) {
		new TestFigures(this.jdbc).figure(report, metric, value, qualifier);
	}

	private String page(String url, Object... vars) throws Exception {
		return this.mvc.perform(get(url, vars)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theSumOfSubRegionsKeepsTheirQualifierAndShowsItsCoverageAndChange() throws Exception {
		String html = page("/regions/{code}?period=2021", this.zone.getCode());
		// 1200余 + 800 = 2000余; both sub-regions reported. 2020 had only P's 1000: the change is like for
		// like, over P alone (1000 → 1200余, +20%), never 2000 against 1000 (+100%); both totals are shown
		// with their coverage.
		assertThat(html).contains("2000余人").contains("由下级汇总，2个下级中2个").contains("同口径 1 个下级：↑20%")
			.doesNotContain("↑100%")
			.contains("本期 2000余人（2个下级中2个）；上期（2020年）1000人（2个下级中1个）");
		// Ranked sub-regions: P before Q.
		assertThat(html.indexOf("丁基层工会")).isLessThan(html.indexOf("戊基层工会"));
	}

	@Test
	void aRegionsOwnTotalIsShownAndItsDifferenceFromItsSubRegionsFlagged() throws Exception {
		String html = page("/regions/{code}?period=2021", this.zone.getCode());
		assertThat(html).contains("12项").contains("本级报告 12项，下级合计 8项，两者不一致。")
			.contains("本级报告：").contains("看板测试区2021年工作报告");
	}

	@Test
	void theLatestPeriodIsShownWhenNoneIsAskedForAndThePickerOffersEveryPeriod() throws Exception {
		String html = page("/regions/{code}", this.zone.getCode());
		assertThat(html).contains("<option value=\"2021\" selected=\"selected\">2021年</option>")
			.contains("<option value=\"2020\">2020年</option>")
			// The draft year is not offered to the public.
			.doesNotContain("<option value=\"2022\"");
	}

	@Test
	void draftsAreShownMarkedToStaffInScopeAndNeverToTheAnonymous() throws Exception {
		this.mvc.perform(get("/regions/{code}?period=2022", this.zone.getCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("900人"))))
			.andExpect(content().string(containsString("2022年没有可以显示的数据")));
		this.mvc.perform(get("/regions/{code}?period=2022", this.zone.getCode()).with(user("db-zone-staff").roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("900人")))
			.andExpect(content().string(containsString("您所在地区的未发布数字（草稿）也计算在内")))
			.andExpect(content().string(containsString("<span class=\"badge text-bg-warning\">草稿</span>")));
		this.mvc.perform(get("/api/regions/{code}/figures?period=2022", this.zone.getCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("\"members\""))));
	}

	@Test
	void aFigureSavedIsInTheNextViewAlthoughTheViewBeforeWasCached() throws Exception {
		assertThat(page("/regions/{code}?period=2021&metric=education_events", this.zone.getCode())).doesNotContain("宣传教育活动场次");
		// A write of the portal: the view after its commit is computed afresh.
		this.transactions.executeWithoutResult(tx -> figure(reportId(this.q, 2021), "education_events", 3, "exact"));
		assertThat(page("/regions/{code}?period=2021&metric=education_events", this.zone.getCode())).contains("宣传教育活动场次");
		// A write from outside the portal reaches it through PostgreSQL's notification.
		assertThat(page("/regions/{code}?period=2021&metric=cultural_sports_events", this.zone.getCode())).doesNotContain("职工文体活动场次");
		figure(reportId(this.p, 2021), "cultural_sports_events", 4, "exact");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> page("/regions/{code}?period=2021&metric=cultural_sports_events", this.zone.getCode())
				.contains("职工文体活动场次"));
	}

	private long reportId(Region region, int year) {
		return this.jdbc.sql("select id from report where region_id = :region and period_start = :year and period_end = :year")
			.param("region", region.getId())
			.param("year", year)
			.query(Long.class)
			.single();
	}

	@Test
	void eachChartsDataDownloadsAsCsvWithAByteOrderMark() throws Exception {
		byte[] trend = this.mvc.perform(get("/regions/{code}/trend.csv", this.zone.getCode()).param("metric", "members"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andReturn().getResponse().getContentAsByteArray();
		String text = new String(trend, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFperiod,region,metric_key,value,unit,qualifier,written,draft")
			.contains("2020,看板测试区,members,1000,人,exact,1000人,false")
			.contains("2021,看板测试区,members,2000,人,余,2000余人,false");
		String ranking = new String(this.mvc.perform(get("/regions/{code}/ranking.csv", this.zone.getCode())
			.param("metric", "competitions_held").param("period", "2021"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(ranking).contains(this.p.getCode() + ",丁基层工会,competitions_held,6,项,exact,6项,false");
	}

	@Test
	void regionsAreComparedSideBySideAndPerTenThousandMembers() throws Exception {
		String totals = page("/regions/{code}/compare?with={other}&period=2021", this.p.getCode(), this.q.getCode());
		assertThat(totals).contains("1200余人").contains("800人").contains("6项").contains("2项");
		// Competitions per 10,000 members: P 6 × 10000 / 1200 = 50, Q 2 × 10000 / 800 = 25.
		String perMembers = page("/regions/{code}/compare?with={other}&period=2021&per=members&metric=competitions_held",
				this.p.getCode(), this.q.getCode());
		assertThat(perMembers).contains("50项").contains("25项").contains("（每万名会员）");
	}

	@Test
	void aRegionIsAddedToTheComparisonByName() throws Exception {
		this.mvc.perform(get("/regions/{code}/compare", this.p.getCode()).param("add", "戊基层工会"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", containsString("with=" + this.q.getCode())));
		this.mvc.perform(get("/regions/{code}/compare", this.p.getCode()).param("add", "没有这个地区"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("没有找到“没有这个地区”")));
	}

	@Test
	void aPeriodThatIsNotOneIsABadRequest() throws Exception {
		this.mvc.perform(get("/regions/{code}?period=last-year", this.zone.getCode())).andExpect(status().isBadRequest());
	}

	@Autowired
	org.unionreports.portal.cache.DataChanges changes;

	@Test
	void aFailedSignInDoesNotEmptyTheCaches() throws Exception {
		long before = this.changes.version().orElseThrow();
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("username", "db-zone-staff")
			.param("password", "not-the-password")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isFound());
		assertThat(this.changes.version().orElseThrow()).isEqualTo(before);
	}

	@Test
	void aSpanLongerThanACongressTermIsABadRequest() throws Exception {
		this.mvc.perform(get("/regions/{code}?period=1949-2100", this.zone.getCode())).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/regions/{code}/figures?period=1949-2100", this.zone.getCode()))
			.andExpect(status().isBadRequest());
	}

}
