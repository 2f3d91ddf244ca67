package org.unionreports.portal.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestFigures;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionLevel;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roll-ups on a small tree made here: a zone Z with grassroots unions A, B and C under it, and figures
 * whose roll-up was worked out by hand.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionFiguresTest {

	@Autowired
	RegionFigures figures;

	@Autowired
	RegionTree tree;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	Region zone;

	Region a;

	Region b;

	@BeforeAll
	void makeTheTree() {
		Access.asSystem(() -> {
			Region parent = this.tree.find("653200").orElseThrow();
			this.zone = this.tree.addWithOwnCode(parent, "测试功能区", "Test zone", RegionLevel.ZONE);
			this.a = this.tree.addWithOwnCode(this.zone, "甲基层工会", "Union A", RegionLevel.GRASSROOTS);
			this.b = this.tree.addWithOwnCode(this.zone, "乙基层工会", "Union B", RegionLevel.GRASSROOTS);
			this.tree.addWithOwnCode(this.zone, "丙基层工会", "Union C", RegionLevel.GRASSROOTS);
			return null;
		});
		// A: yearly reports 2019 and 2020, and a span report 2019-2020.
		figure(report(this.a, 2019, 2019, "PUBLISHED"), "members", 1000, "exact");
		figure(report(this.a, 2019, 2019, "PUBLISHED"), "competitions_held", 10, "exact");
		long a2020 = report(this.a, 2020, 2020, "PUBLISHED");
		figure(a2020, "members", 1100, "exact");
		figure(a2020, "competitions_held", 20, "exact");
		figure(a2020, "member_real_name_rate", 80, "exact");
		figure(a2020, "collective_contract_rate", 80, "以上");
		long aSpan = report(this.a, 2019, 2020, "PUBLISHED");
		figure(aSpan, "education_events", 40, "exact");
		// B: one span report 2019-2020, and a draft for 2020 alone.
		long bSpan = report(this.b, 2019, 2020, "PUBLISHED");
		figure(bSpan, "members", 500, "exact");
		figure(bSpan, "education_events", 50, "余");
		figure(bSpan, "competitions_held", 7, "exact");
		long b2020 = report(this.b, 2020, 2020, "DRAFT");
		figure(b2020, "members", 3000, "exact");
		figure(b2020, "member_real_name_rate", 90, "exact");
		figure(b2020, "collective_contract_rate", 95, "exact");
		// Z reports its own total for 2019-2020 education events.
		figure(report(this.zone, 2019, 2020, "PUBLISHED"), "education_events", 100, "exact");
	}

	private long report(Region region, int first, int last, String status) {
		return new TestFigures(this.jdbc).report(region, first, last, status);
	}

	private void figure(long report, String metric, long value, String qualifier) {
		new TestFigures(this.jdbc).figure(report, metric, value, qualifier);
	}

	private Map<String, RegionFigures.Line> lines(Region region, Period period) {
		return this.figures.of(region, period).stream().collect(Collectors.toMap(l -> l.metric().getKey(), l -> l));
	}

	@Test
	void flowsAddUpAcrossSubRegionsAndOverTheYearsOfEach() {
		// A: 10 + 20 over its two years; B: 7 from its span report; C: nothing. Z = 37.
		RegionFigures.Line competitions = lines(this.zone, new Period(2019, 2020)).get("competitions_held");
		assertThat(competitions.value().value()).isEqualByComparingTo("37");
		assertThat(competitions.source()).isEqualTo(RegionFigures.Source.SUB_REGIONS);
		assertThat(competitions.reporting()).isEqualTo(2);
		assertThat(competitions.subRegions()).isEqualTo(3);
	}

	@Test
	void aStockOverYearsIsTheLatestYearNotTheSum() {
		// A: latest of 1000 (2019) and 1100 (2020) = 1100; B: 500 (span; its 2020 draft is not published). Z = 1600.
		RegionFigures.Line members = lines(this.zone, new Period(2019, 2020)).get("members");
		assertThat(members.value().value()).isEqualByComparingTo("1600");
		assertThat(lines(this.a, new Period(2019, 2020)).get("members").source()).isEqualTo(RegionFigures.Source.YEAR_END);
	}

	@Test
	void aRegionsOwnTotalIsUsedAndComparedWithItsSubRegionsNeverAdded() {
		// Z's own 100 against A 40 + B 50余 = 90余, with C silent: Z shows 100 and its sub-regions' 90余
		// beside it. Two of three sub-regions adding up to less than the whole is no discrepancy (issue
		// 16: only a complete sum that differs, or a partial one above the whole, is flagged).
		RegionFigures.Line events = lines(this.zone, new Period(2019, 2020)).get("education_events");
		assertThat(events.value().value()).isEqualByComparingTo("100");
		assertThat(events.source()).isEqualTo(RegionFigures.Source.OWN);
		assertThat(events.fromSubRegions().value()).isEqualByComparingTo("90");
		assertThat(events.fromSubRegions().qualifier().code()).isEqualTo("余");
		assertThat(events.mismatch()).isFalse();
		assertThat(events.reporting()).isEqualTo(2);
	}

	@Test
	void aSpanReportIsNotAddedToTheYearsInsideIt() {
		// A has education events only in its span report (40); no yearly ones are added to it.
		assertThat(lines(this.a, new Period(2019, 2020)).get("education_events").value().value())
			.isEqualByComparingTo("40");
	}

	@Test
	void aFigureOutsideItsReportsPeriodCountsForItsOwnPeriod() {
		// A's 2019 report also gives 2018's cancer screenings (120): they count for 2018, A's and the zone's,
		// though no report is for 2018; the trigger of V11 lists the report, and forgets it with the figure.
		long a2019 = new TestFigures(this.jdbc).report(this.a, 2019, 2019, "PUBLISHED");
		new TestFigures(this.jdbc).figure(a2019, "cancer_screening", 2018, 2018, java.math.BigDecimal.valueOf(120), "exact",
				false);
		try {
			assertThat(lines(this.a, Period.year(2018)).get("cancer_screening").value().value()).isEqualByComparingTo("120");
			assertThat(lines(this.zone, Period.year(2018)).get("cancer_screening").value().value())
				.isEqualByComparingTo("120");
			assertThat(this.jdbc.sql("select count(*) from figure_outside_report where report_id = :report")
				.param("report", a2019)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
		finally {
			this.jdbc.sql("delete from figure f using metric m where f.metric_id = m.id and m.key = 'cancer_screening' and f.report_id = :report")
				.param("report", a2019)
				.update();
		}
		assertThat(this.jdbc.sql("select count(*) from figure_outside_report where report_id = :report")
			.param("report", a2019)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anIncompleteRunOfYearsGivesNoFlow() {
		// For 2019-2021 A has only two of three years: no flow total from its years.
		assertThat(lines(this.a, new Period(2019, 2021))).doesNotContainKey("competitions_held");
	}

	@Test
	void draftsCountOnlyForReadersWhoseRegionsCoverThem() {
		Period year2020 = Period.year(2020);
		// Anonymous: B's 2020 draft is not there; only A's 1100 members.
		assertThat(lines(this.zone, year2020).get("members").value().value()).isEqualByComparingTo("1100");
		this.users.ensure("rf-zone-staff", Role.STAFF, this.zone.getCode());
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("rf-zone-staff", null, "ROLE_STAFF"));
		try {
			Map<String, RegionFigures.Line> withDrafts = lines(this.zone, year2020);
			assertThat(withDrafts.get("members").value().value()).isEqualByComparingTo("4100");
			// Weighted by members: (80 × 1100 + 90 × 3000) / 4100 = 87.32
			assertThat(withDrafts.get("member_real_name_rate").value().value()).isEqualByComparingTo("87.32");
			// No base for the contract rate: the range 80以上 … 95, never a sum.
			RegionFigures.Line contracts = withDrafts.get("collective_contract_rate");
			assertThat(contracts.value().isRange()).isTrue();
			assertThat(contracts.value().min()).isEqualByComparingTo("80");
			assertThat(contracts.value().max()).isEqualByComparingTo("95");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void theApiGivesTheSameRolledUpFigures() throws Exception {
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/regions/{code}/figures", this.zone.getCode()).param("period", "2019-2020"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.period").value("2019-2020"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.figures[?(@.metricKey == 'members')].value").value(1600))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.figures[?(@.metricKey == 'competitions_held')].reporting").value(2))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.figures[?(@.metricKey == 'competitions_held')].subRegions").value(3))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.figures[?(@.metricKey == 'education_events')].mismatch").value(false))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.figures[?(@.metricKey == 'education_events')].subRegionsTotal").value(90));
	}

}
