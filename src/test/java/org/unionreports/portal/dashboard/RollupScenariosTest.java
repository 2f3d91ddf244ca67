package org.unionreports.portal.dashboard;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestFigures;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionLevel;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The roll-up rules (docs/rollups.md) as a table of scenarios, each on private trees made here under 西宁市
 * (630100), with its expected result worked out by hand from the rules and written beside it. Every scenario
 * is read three ways, which must agree with the expectation and so with each other: the figures API with its
 * workings ({@code explain=true}), the dashboard model ({@link Dashboard#of}), and the region's CSV export.
 * <p>
 * The trees use the years 2008–2012 (the span 2008-2012, the years 2011 and 2012) that neither the demo
 * reports nor other tests use, so that what rolls up from here into 青海 and the country disturbs no one.
 * Each scenario has a metric of its own within its tree, or a tree of its own.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupScenariosTest {

	static final String Y = "2012";

	static final String SPAN = "2008-2012";

	/** What the export's note says each source is (messages.properties, figures.source.*). */
	static final Map<String, String> SOURCE_LABELS = Map.of("OWN", "本级报告", "YEARS", "本级逐年流量相加", "YEAR_END",
			"本级期末年的水平", "SUB_REGIONS", "由下级汇总");

	static final String ZONE_STAFF = "rs-draft-zone-staff";

	static final String OTHER_STAFF = "rs-other-zone-staff";

	@Autowired
	MockMvc mvc;

	@Autowired
	RegionTree tree;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	@Autowired
	TestUsers users;

	/** The regions made here, by the short names the scenarios use. */
	final Map<String, Region> regions = new HashMap<>();

	TestFigures figures;

	// ------------------------------------------------------------------------------------------------------
	// The trees and their figures
	// ------------------------------------------------------------------------------------------------------

	@BeforeAll
	void makeTheTrees() {
		this.figures = new TestFigures(this.jdbc);
		Access.asSystem(() -> {
			Region xining = this.tree.find("630100").orElseThrow();
			// A: a zone with five grassroots unions, for sums, qualifiers, own totals, spans and periods.
			zone(xining, "A", "河湟新区", "a", "东川工会", "西岭工会", "南山工会", "北塬工会", "中坝工会");
			// D: drafts.
			zone(xining, "D", "草案试验区", "d", "甲班工会", "乙班工会", "丙班工会");
			// W: weighted rates two levels deep; 威远市 (c1) has six districts.
			zone(xining, "W", "互助新区", "c", null, "丹麻镇工会", "哈拉直沟工会");
			subZone("c1", "W", "威远市", "k", "威远一区", "威远二区", "威远三区", "威远四区", "威远五区", "威远六区");
			// E: a rate with one weight missing.
			zone(xining, "E", "丹噶尔区", "e", "城关工会", "东峡工会", "日月工会");
			// F: range-rollup rates; 多巴市 (f1) has five districts.
			zone(xining, "F", "多巴新区", "f", null, "甘河工会", "拦隆口工会");
			subZone("f1", "F", "多巴市", "m", "多巴一区", "多巴二区", "多巴三区", "多巴四区", "多巴五区");
			// H: a weighted mean of qualified rates.
			zone(xining, "H", "上五庄区", "h", "水峡工会", "黑城工会");
			// Q: a weighted rate whose city is itself a range.
			zone(xining, "Q", "李家山区", "p", null, "峡口工会");
			subZone("p1", "Q", "李家山市", "q", "李家山一区", "李家山二区");
			// P: per 10,000 members.
			zone(xining, "P", "平安区", "s", "小峡工会", "三合工会", "洪水泉工会", "石灰窑工会", "古城工会");
			// L: change from the previous period, thirteen districts.
			zone(xining, "L", "城北区", "l", "城北01区", "城北02区", "城北03区", "城北04区", "城北05区", "城北06区",
					"城北07区", "城北08区", "城北09区", "城北10区", "城北11区", "城北12区", "城北13区");
			return null;
		});
		this.users.ensure(ZONE_STAFF, Role.STAFF, code("D"));
		this.users.ensure(OTHER_STAFF, Role.STAFF, code("A"));
		treeA();
		treeD();
		treeW();
		treeE();
		treeF();
		treeH();
		treeQ();
		treeP();
		treeL();
	}

	private void treeA() {
		long a2012 = report("A", 2012, 2012);
		long a2008 = report("A", 2008, 2008);
		long[] y = new long[6];
		for (int i = 1; i <= 5; i++) {
			y[i] = report("a" + i, 2012, 2012);
		}
		fig(y[1], "competitions_held", 10, "exact");
		fig(y[2], "competitions_held", 20, "exact");
		fig(y[3], "competitions_held", 30, "exact");
		fig(y[5], "competitions_held", 40, "exact");
		fig(y[1], "competition_participants", 1000, "exact");
		fig(y[2], "competition_participants", 500, "余");
		fig(y[1], "legal_aid_cases", 10, "近");
		fig(y[2], "legal_aid_cases", 7, "余");
		fig(y[1], "education_events", 40, "以上");
		fig(y[2], "education_events", 50, "余");
		fig(y[1], "cultural_sports_events", 30, "余");
		fig(y[2], "cultural_sports_events", 20, "多");
		fig(y[1], "job_fairs", 10, "超");
		fig(y[2], "job_fairs", 5, "exact");
		fig(y[1], "legal_services", 200, "exact");
		this.figures.missing(y[2], "legal_services");
		fig(y[3], "legal_services", 300, "exact");
		this.figures.missing(y[1], "cancer_screening");
		fig(y[1], "jobs_offered", 100, "exact");
		target(y[1], "jobs_offered", 2012, 2012, 900);
		target(y[2], "jobs_offered", 2012, 2012, 500);
		fig(y[3], "jobs_offered", 50, "exact");
		fig(a2012, "aid_funds", 500000, "exact");
		fig(y[1], "aid_funds", 200000, "exact");
		fig(y[2], "aid_funds", 250000, "exact");
		fig(a2012, "condolence_funds", 3000, "exact");
		fig(y[1], "condolence_funds", 1000, "exact");
		fig(y[2], "condolence_funds", 2000, "exact");
		fig(a2012, "medical_mutual_aid_amount", 1000, "exact");
		fig(y[1], "medical_mutual_aid_amount", 800, "exact");
		fig(y[2], "medical_mutual_aid_amount", 700, "exact");
		fig(y[1], "members", 1000, "exact");
		fig(y[2], "members", 500, "余");
		fig(y[3], "members", 2000, "exact");
		fig(y[1], "hardship_allowance", 5000, "exact");
		fig(y[2], "hardship_allowance", 6000, "exact");
		fig(y[4], "volunteer_teams", 3, "exact");
		long a5Span = report("a5", 2008, 2012);
		this.figures.figure(a5Span, "volunteer_teams", 2012, 2012, BigDecimal.valueOf(7), "exact", false);
		this.figures.figure(a5Span, "innovation_results", 2012, 2012, BigDecimal.valueOf(9), "exact", false);
		fig(a5Span, "innovation_results", 40, "exact");
		this.figures.figure(a5Span, "innovation_studios", 2012, 2012, BigDecimal.valueOf(4), "exact", false);
		fig(y[5], "innovation_studios", 6, "exact");
		// the span 2008-2012
		for (int year = 2008; year <= 2011; year++) {
			fig(report("a1", year, year), "new_unions", year - 2007, "exact");
		}
		fig(y[1], "new_unions", 5, "exact");
		fig(report("a2", 2008, 2008), "new_unions", 1, "exact");
		fig(report("a2", 2009, 2009), "new_unions", 1, "exact");
		fig(report("a2", 2011, 2011), "new_unions", 1, "exact");
		fig(y[2], "new_unions", 1, "exact");
		long a3Span = report("a3", 2008, 2012);
		fig(a3Span, "new_unions", 20, "exact");
		fig(report("a1", 2010, 2010), "grassroots_unions", 50, "exact");
		fig(y[1], "grassroots_unions", 60, "exact");
		fig(report("a2", 2011, 2011), "grassroots_unions", 40, "exact");
		fig(report("a4", 2008, 2008), "grassroots_unions", 70, "exact");
		fig(a3Span, "grassroots_unions", 25, "exact");
		fig(a2008, "worker_libraries", 999, "exact");
		fig(y[1], "worker_libraries", 30, "exact");
		fig(y[2], "worker_libraries", 12, "exact");
		fig(report("a4", 2008, 2012), "nursing_rooms", 15, "exact");
		fig(y[4], "nursing_rooms", 18, "exact");
	}

	private void treeD() {
		long d1 = report("d1", 2012, 2012);
		long d2 = this.figures.report(this.regions.get("d2"), 2012, 2012, "DRAFT");
		fig(d1, "model_workers", 5, "exact");
		fig(d2, "model_workers", 8, "exact");
		fig(d1, "labour_law_supervisors", 40, "exact");
		fig(d2, "labour_law_supervisors", 60, "exact");
	}

	private void treeW() {
		long[] k = new long[7];
		for (int i = 1; i <= 5; i++) {
			k[i] = report("k" + i, 2012, 2012);
		}
		int[][] rateAndMembers = { {}, { 80, 1000 }, { 90, 3000 }, { 70, 2000 }, { 85, 4000 } };
		for (int i = 1; i <= 4; i++) {
			fig(k[i], "member_real_name_rate", rateAndMembers[i][0], "exact");
			fig(k[i], "members", rateAndMembers[i][1], "exact");
		}
		fig(k[5], "members", 5000, "exact");
		fig(report("c1", 2012, 2012), "members", 20000, "exact");
		long c2 = report("c2", 2012, 2012);
		fig(c2, "member_real_name_rate", 95, "exact");
		fig(c2, "members", 10000, "exact");
		long c3 = report("c3", 2012, 2012);
		fig(c3, "member_real_name_rate", 60, "exact");
		fig(c3, "members", 5000, "exact");
	}

	private void treeE() {
		long e1 = report("e1", 2012, 2012);
		fig(e1, "member_real_name_rate", 80, "exact");
		fig(e1, "members", 1000, "exact");
		fig(report("e2", 2012, 2012), "member_real_name_rate", 90, "exact");
		long e3 = report("e3", 2012, 2012);
		fig(e3, "member_real_name_rate", 70, "exact");
		fig(e3, "members", 500, "exact");
	}

	private void treeF() {
		long m1 = report("m1", 2012, 2012);
		fig(m1, "collective_contract_rate", 78, "exact");
		fig(report("m2", 2012, 2012), "collective_contract_rate", 95, "exact");
		fig(report("m3", 2012, 2012), "collective_contract_rate", 85, "exact");
		long f2 = report("f2", 2012, 2012);
		long f3 = report("f3", 2012, 2012);
		fig(f2, "collective_contract_rate", 60, "exact");
		fig(f3, "collective_contract_rate", 88, "以上");
		fig(f2, "collective_bargaining_rate", 90, "exact");
		fig(f3, "collective_bargaining_rate", 90, "exact");
		fig(m1, "democratic_management_rate", 95, "exact");
		fig(f2, "democratic_management_rate", 80, "以上");
		fig(f3, "democratic_management_rate", 95, "exact");
		fig(f2, "dispute_closure_rate", 90, "近");
		fig(f3, "dispute_closure_rate", 95, "exact");
	}

	private void treeH() {
		long h1 = report("h1", 2012, 2012);
		fig(h1, "member_real_name_rate", 80, "以上");
		fig(h1, "members", 1000, "exact");
		long h2 = report("h2", 2012, 2012);
		fig(h2, "member_real_name_rate", 90, "exact");
		fig(h2, "members", 500, "exact");
	}

	private void treeQ() {
		long q1 = report("q1", 2012, 2012);
		fig(q1, "member_real_name_rate", 70, "exact");
		fig(q1, "members", 100, "exact");
		fig(report("q2", 2012, 2012), "member_real_name_rate", 92, "exact");
		long p2 = report("p2", 2012, 2012);
		fig(p2, "member_real_name_rate", 85, "exact");
		fig(p2, "members", 1000, "exact");
	}

	private void treeP() {
		long[] s = new long[6];
		for (int i = 1; i <= 5; i++) {
			s[i] = report("s" + i, 2012, 2012);
		}
		fig(s[1], "competition_participants", 20000, "余");
		fig(s[2], "competition_participants", 10000, "exact");
		fig(s[1], "members", 250000, "exact");
		fig(s[2], "members", 150000, "exact");
		fig(s[3], "members", 100000, "exact");
		fig(s[5], "members", 2000, "余");
		fig(s[3], "competition_units", 12, "exact");
		fig(s[4], "competition_units", 30, "exact");
		fig(s[5], "job_fairs", 10, "exact");
	}

	private void treeL() {
		long l2011 = report("L", 2011, 2011);
		long l2012 = report("L", 2012, 2012);
		long[] y11 = new long[14];
		long[] y12 = new long[14];
		for (int i = 1; i <= 13; i++) {
			y11[i] = report(String.format("l%02d", i), 2011, 2011);
			y12[i] = report(String.format("l%02d", i), 2012, 2012);
		}
		fig(y11[1], "covered_units", 300, "exact");
		fig(y11[2], "covered_units", 320, "exact");
		fig(y11[3], "covered_units", 300, "exact");
		fig(y11[4], "covered_units", 330, "exact");
		fig(y12[1], "covered_units", 310, "exact");
		fig(y12[2], "covered_units", 330, "exact");
		fig(y12[3], "covered_units", 330, "exact");
		fig(y12[5], "covered_units", 1500, "exact");
		fig(y12[6], "covered_units", 2000, "exact");
		fig(y11[1], "legal_service_stations", 10, "exact");
		fig(y12[1], "legal_service_stations", 12, "exact");
		fig(l2011, "labour_law_supervisors", 200, "exact");
		fig(l2012, "labour_law_supervisors", 250, "exact");
		fig(y11[7], "outdoor_worker_stations", 40, "exact");
		fig(y12[8], "outdoor_worker_stations", 50, "exact");
		fig(y11[1], "collective_contract_rate", 80, "exact");
		fig(y12[1], "collective_contract_rate", 85, "exact");
	}

	// ------------------------------------------------------------------------------------------------------
	// The scenarios, each with its expectation worked out by hand
	// ------------------------------------------------------------------------------------------------------

	List<Scenario> scenarios() {
		List<Scenario> all = new ArrayList<>();
		// --- sums of flows and their qualifiers (tree A, 2012) ---
		// 10 + 20 + 30 + 40 = 100, all exact; 北塬 (a4) gave nothing and is left out, not counted as 0.
		all.add(at("flows add up over the sub-regions that gave them", "A", Y, "competitions_held").value("100", "exact")
			.rule("SUB_REGIONS", "sum").coverage(4, 5).written("100项")
			.by(own("a1", "10"), own("a2", "20"), own("a3", "30"), own("a5", "40"), left("a4", "no_figure")));
		// 1000 (exact) + 500余 = 1500, exact + 余 = 余.
		all.add(at("exact plus 余 is 余", "A", Y, "competition_participants").value("1500", "余").rule("SUB_REGIONS", "sum")
			.coverage(2, 5).written("1500余人"));
		// 近10 + 7余 = 17; 近 with an "over" may err either way: 约.
		all.add(at("近 plus 余 is 约", "A", Y, "legal_aid_cases").value("17", "约").rule("SUB_REGIONS", "sum")
			.coverage(2, 5).written("约17件"));
		// 40以上 + 50余 = 90; 以上 mixed with 余 keeps the claim both support: 以上.
		all.add(at("以上 plus 余 is 以上", "A", Y, "education_events").value("90", "以上").rule("SUB_REGIONS", "sum")
			.coverage(2, 5).written("90场以上"));
		// 30余 + 20多 = 50; 余 and 多 mixed in a sum: 余.
		all.add(at("余 plus 多 is 余", "A", Y, "cultural_sports_events").value("50", "余").rule("SUB_REGIONS", "sum")
			.coverage(2, 5).written("50余场"));
		// 超10 + 5 = 15; exact beside 超 keeps 超.
		all.add(at("超 plus exact is 超", "A", Y, "job_fairs").value("15", "超").rule("SUB_REGIONS", "sum")
			.coverage(2, 5).written("超15场"));
		// 200 + (西岭's figure missing) + 300 = 500: a missing figure is left out, never a zero; 2 of 5 reported.
		all.add(at("a missing figure is not a zero", "A", Y, "legal_services").value("500", "exact")
			.rule("SUB_REGIONS", "sum").coverage(2, 5).written("500人次")
			.by(own("a1", "200"), left("a2", "no_figure"), own("a3", "300")));
		// Only a missing figure anywhere: no value at all, neither for 东川 nor for the zone.
		all.add(at("only a missing figure gives no value to the zone", "A", Y, "cancer_screening").absent());
		all.add(at("only a missing figure gives no value to its region", "a1", Y, "cancer_screening").absent());
		// 100 (东川's plan of 900 not counted) + 50 = 150; 西岭 has only a target (500): left out.
		all.add(at("targets are never counted", "A", Y, "jobs_offered").value("150", "exact").rule("SUB_REGIONS", "sum")
			.coverage(2, 5).written("150个").by(own("a1", "100"), left("a2", "no_figure"), own("a3", "50")));
		// The zone's own 500000 wins; its sub-regions' 200000 + 250000 = 450000 is shown beside it. Only 2 of
		// the 5 reported: a partial sum below the whole is no mismatch.
		all.add(at("own total is used and shown beside the sub-regions'", "A", Y, "aid_funds").value("500000", "exact")
			.rule("OWN", "own").coverage(2, 5).written("50万元").own("500000", "450000", false)
			.by(own("A", "500000"), new Who("a1", "own_total", false, "200000", null, null, null, null, null),
					new Who("a2", "own_total", false, "250000", null, null, null, null, null), left("a3", "no_figure")));
		// Own 1000 against 800 + 700 = 1500 from only 2 of 5: a part above its whole, a mismatch.
		all.add(at("sub-regions adding up to more than the own total is a mismatch", "A", Y, "medical_mutual_aid_amount")
			.value("1000", "exact").rule("OWN", "own").coverage(2, 5).written("1000元").own("1000", "1500", true));
		// Own 3000 against 1000 + 2000 = 3000: the same, no mismatch.
		all.add(at("own total equal to the sub-regions' is no mismatch", "A", Y, "condolence_funds")
			.value("3000", "exact").rule("OWN", "own").coverage(2, 5).written("3000元").own("3000", "3000", false));
		// Stocks across sub-regions add up: 1000 + 500余 + 2000 = 3500余.
		all.add(at("stocks add up over the sub-regions", "A", Y, "members").value("3500", "余").rule("SUB_REGIONS", "sum")
			.coverage(3, 5).written("3500余人"));
		// A per-unit figure (5000 and 6000 元/人/年) is never rolled up: the zone has none ...
		all.add(at("a per-unit figure is not rolled up", "A", Y, "hardship_allowance").absent());
		// ... while the union shows its own.
		all.add(at("a per-unit figure stands for its own region", "a1", Y, "hardship_allowance").value("5000", "exact")
			.rule("OWN", "own").coverage(0, 0).written("5000元/人/年"));
		// --- a figure counts for its own period, whatever its report's (tree A) ---
		// 中坝's 7 is a 2012 figure inside its 2008-2012 report: it counts for 2012. 3 + 7 = 10.
		all.add(at("a 2012 figure in a span report rolls up for 2012", "A", Y, "volunteer_teams").value("10", "exact")
			.rule("SUB_REGIONS", "sum").coverage(2, 5).written("10支").by(own("a4", "3"), own("a5", "7")));
		all.add(at("a 2012 figure in a span report is its region's 2012 figure", "a5", Y, "volunteer_teams")
			.value("7", "exact").rule("OWN", "own").valuePeriod("2012").coverage(0, 0).written("7支"));
		// 中坝's span report says 9 for 2012 and 40 for the span: each counts for its own period.
		all.add(at("the span report's 2012 figure for 2012", "a5", Y, "innovation_results").value("9", "exact")
			.rule("OWN", "own").written("9个"));
		all.add(at("the span report's span figure for the span", "a5", SPAN, "innovation_results").value("40", "exact")
			.rule("OWN", "own").valuePeriod(SPAN).written("40个"));
		// For 2012, 中坝's 2012 report says 6, its span report 4 for 2012: the report of exactly 2012 wins.
		all.add(at("of two figures for a period the report of that period wins", "a5", Y, "innovation_studios")
			.value("6", "exact").rule("OWN", "own").written("6个"));
		// --- spans and years (tree A, 2008-2012) ---
		// A flow over a span: 1 + 2 + 3 + 4 + 5 = 15 from 东川's five yearly reports.
		all.add(at("a flow over a span adds up every year", "a1", SPAN, "new_unions").value("15", "exact")
			.rule("YEARS", "sum_of_years").written("15个")
			.by(year("a1", "2008", "1"), year("a1", "2009", "2"), year("a1", "2010", "3"), year("a1", "2011", "4"),
					year("a1", "2012", "5")));
		// 西岭 has 2008, 2009, 2011, 2012 but not 2010: no own value for the span.
		all.add(at("incomplete years give no flow for the span", "a2", SPAN, "new_unions").absent());
		// The zone: 东川 15 (its years) + 南山 20 (its span report) = 35; 西岭 left out for incomplete years.
		all.add(at("a sub-region with incomplete years is left out of the span", "A", SPAN, "new_unions")
			.value("35", "exact").rule("SUB_REGIONS", "sum").coverage(2, 5).written("35个")
			.by(used("a1", "15"), left("a2", "incomplete_years"), own("a3", "20"), left("a4", "no_figure")));
		// A stock over a span is the level at its last year: 东川 60 (2012), not 50 (2010) nor 110.
		all.add(at("a stock over a span is the level at the last year", "a1", SPAN, "grassroots_unions")
			.value("60", "exact").rule("YEAR_END", "level_at_end").valuePeriod("2012").written("60个")
			.by(new Who("a1", "year_end", true, "60", "2012", null, null, null, null)));
		// The zone: 东川 60 (2012) + 南山 25 (its span figure) = 85; 西岭's 40 is for 2011 only and 北塬's 70 for
		// 2008 only: both left out (never 60 + 40 + 25 + 70 = 195), each shown with its year.
		all.add(at("a sub-region with only an earlier level is left out, its value shown", "A", SPAN, "grassroots_unions")
			.value("85", "exact").rule("SUB_REGIONS", "sum_at_end").coverage(2, 5).written("85个")
			.by(new Who("a1", "year_end", true, "60", "2012", null, null, null, null),
					new Who("a2", "earlier_year", false, "40", "2011", null, null, null, null), own("a3", "25"),
					new Who("a4", "earlier_year", false, "70", "2008", null, null, null, null), left("a5", "no_figure")));
		// The zone's own 2008 level (999) never beats its sub-regions' 2012 levels: 30 + 12 = 42, at 2012.
		all.add(at("an own earlier level never beats the sub-regions' end-year levels", "A", SPAN, "worker_libraries")
			.value("42", "exact").rule("SUB_REGIONS", "sum_at_end").valuePeriod("2012").coverage(2, 5).written("42家")
			.by(new Who("a1", "year_end", true, "30", "2012", null, null, null, null),
					new Who("a2", "year_end", true, "12", "2012", null, null, null, null)));
		// 北塬's own figure for the span (15) wins over its 2012 level (18).
		all.add(at("an own figure for the span wins over the year-end level", "a4", SPAN, "nursing_rooms")
			.value("15", "exact").rule("OWN", "own").valuePeriod(SPAN).written("15个"));
		// Over the span: 北塬 3 (2012) + 中坝 7 (2012, from its span report) = 10, the level at 2012.
		all.add(at("a 2012 figure in a span report is the level at the span's end", "A", SPAN, "volunteer_teams")
			.value("10", "exact").rule("SUB_REGIONS", "sum_at_end").valuePeriod("2012").coverage(2, 5).written("10支")
			.by(new Who("a4", "year_end", true, "3", "2012", null, null, null, null),
					new Who("a5", "year_end", true, "7", "2012", null, null, null, null)));
		// --- drafts (tree D, 2012) ---
		// Anonymous: 乙班's 8 is in a draft: not published, no value; 5 from 甲班 alone, 1 of 3.
		all.add(at("a draft is out of scope for anonymous readers", "D", Y, "model_workers").value("5", "exact")
			.rule("SUB_REGIONS", "sum").coverage(1, 3).written("5名")
			.by(own("d1", "5"), new Who("d2", "not_published", false, null, null, null, null, null, null).noValue(),
					left("d3", "no_figure")));
		// Staff of the zone see it, marked: 5 + 8 = 13, 2 of 3, a draft went in.
		all.add(at("a draft is in scope for staff of the zone", "D", Y, "model_workers").as(ZONE_STAFF).value("13", "exact")
			.rule("SUB_REGIONS", "sum").coverage(2, 3).written("13名").draft()
			.by(own("d1", "5"), new Who("d2", "own", true, "8", null, null, null, null, Boolean.TRUE)));
		// Staff of another zone are like anonymous readers here: 40 from 甲班, 乙班 not published.
		all.add(at("a draft is out of scope for staff of another region", "D", Y, "labour_law_supervisors")
			.as(OTHER_STAFF).value("40", "exact").rule("SUB_REGIONS", "sum").coverage(1, 3).written("40人")
			.by(new Who("d2", "not_published", false, null, null, null, null, null, null).noValue()));
		all.add(at("a stock in a draft counts for the zone's staff", "D", Y, "labour_law_supervisors").as(ZONE_STAFF)
			.value("100", "exact").rule("SUB_REGIONS", "sum").coverage(2, 3).written("100人").draft());
		// --- rates weighted by members of the same regions (tree W, 2012) ---
		// 威远市 from 4 of its 6 districts: (80×1000 + 90×3000 + 70×2000 + 85×4000) / (1000+3000+2000+4000)
		// = (80000 + 270000 + 140000 + 340000) / 10000 = 830000 / 10000 = 83; its weight is 10000.
		all.add(at("a city's rate is weighted by the members of the districts that gave it", "c1", Y,
				"member_real_name_rate")
			.value("83", "exact").rule("SUB_REGIONS", "weighted_mean").coverage(4, 6).written("83%")
			.by(weighted("k1", "80", "1000"), weighted("k2", "90", "3000"), weighted("k3", "70", "2000"),
					weighted("k4", "85", "4000"), left("k5", "no_figure"), left("k6", "no_figure")));
		// The zone: 威远 83 weighted by its districts' 10000 (not its own 20000 members), 丹麻 95 × 10000,
		// 哈拉直沟 60 × 5000: (830000 + 950000 + 300000) / 25000 = 2080000 / 25000 = 83.2.
		all.add(at("a rolled-up rate weighs by the base of exactly the regions that made it", "W", Y,
				"member_real_name_rate")
			.value("83.2", "exact").rule("SUB_REGIONS", "weighted_mean").coverage(3, 3).written("83.2%")
			.by(new Who("c1", "rolled_up", true, "83", null, "10000", null, null, null), weighted("c2", "95", "10000"),
					weighted("c3", "60", "5000")));
		// Members: 威远's own 20000 + 10000 + 5000 = 35000 (all three sub-regions: 3 of 3).
		all.add(at("members use a city's own total", "W", Y, "members").value("35000", "exact").rule("SUB_REGIONS", "sum")
			.coverage(3, 3).written("3.5万人"));
		// 威远's own 20000 against its districts' 1000+3000+2000+4000+5000 = 15000 (5 of 6): own used, the
		// districts' sum beside it, no mismatch (a partial sum below the whole).
		all.add(at("a city's own members beside its districts'", "c1", Y, "members").value("20000", "exact")
			.rule("OWN", "own").coverage(5, 6).written("2万人").own("20000", "15000", false));
		// --- rates: a weight missing gives the range (tree E) ---
		// 东峡 (e2) has a rate of 90 but no members: no weighted mean; the range of 80, 90, 70 = 70～90.
		all.add(at("a rate without the base of every contributor is the range", "E", Y, "member_real_name_rate")
			.range("70", "exact", "90", "exact", "exact").rule("SUB_REGIONS", "range").coverage(3, 3)
			.written("70%～90%"));
		// --- range-rollup rates (tree F, 2012) ---
		// 多巴市 from 3 of 5 districts: 78, 95, 85 → 78～95.
		all.add(at("a range rate over districts", "f1", Y, "collective_contract_rate")
			.range("78", "exact", "95", "exact", "exact").rule("SUB_REGIONS", "range").coverage(3, 5)
			.written("78%～95%").by(left("m4", "no_figure"), left("m5", "no_figure")));
		// The zone: 多巴 brings both ends 78 and 95, 甘河 60, 拦隆口 88以上: lowest 60, highest 95 → 60～95, 3 of 3.
		all.add(at("a sub-region whose value is a range contributes its range", "F", Y, "collective_contract_rate")
			.range("60", "exact", "95", "exact", "exact").rule("SUB_REGIONS", "range").coverage(3, 3)
			.written("60%～95%").by(new Who("f1", "rolled_up", true, null, null, null, "78", "95", null), own("f2", "60")));
		// 90 and 90: a range whose ends agree is the single value 90.
		all.add(at("a range of equal rates is a single value", "F", Y, "collective_bargaining_rate").value("90", "exact")
			.rule("SUB_REGIONS", "range").coverage(2, 3).written("90%"));
		// 多巴 95 (from 一区), 甘河 80以上, 拦隆口 95: 80以上～95; the range as a whole 以上.
		all.add(at("each end of a range keeps its qualifier (以上)", "F", Y, "democratic_management_rate")
			.range("80", "以上", "95", "exact", "以上").rule("SUB_REGIONS", "range").coverage(3, 3)
			.written("80%以上～95%"));
		// 甘河 近90, 拦隆口 95: 近90～95; the range as a whole 近.
		all.add(at("each end of a range keeps its qualifier (近)", "F", Y, "dispute_closure_rate")
			.range("90", "近", "95", "exact", "近").rule("SUB_REGIONS", "range").coverage(2, 3).written("近90%～95%"));
		// --- a weighted mean of qualified rates (tree H) ---
		// (80以上 × 1000 + 90 × 500) / 1500 = 125000 / 1500 = 83.333… → 83.33; a mean of 以上 and exact: 以上.
		all.add(at("a weighted mean of 以上 and exact is 以上", "H", Y, "member_real_name_rate").value("83.33", "以上")
			.rule("SUB_REGIONS", "weighted_mean").coverage(2, 2).written("83.33%以上"));
		// Over the span a rate is the level at its last year: 水峡's 80以上 of 2012, its weight its own 2012 members.
		all.add(at("a rate over a span is the level at the last year", "h1", SPAN, "member_real_name_rate")
			.value("80", "以上").rule("YEAR_END", "level_at_end").valuePeriod("2012").written("80%以上"));
		// The zone over the span: both unions' 2012 levels, weighted by their 2012 members: 83.33以上, at 2012.
		all.add(at("a weighted rate over a span from the sub-regions' end-year levels", "H", SPAN, "member_real_name_rate")
			.value("83.33", "以上").rule("SUB_REGIONS", "weighted_mean").valuePeriod("2012").coverage(2, 2)
			.written("83.33%以上")
			.by(new Who("h1", "year_end", true, "80", "2012", "1000", null, null, null),
					new Who("h2", "year_end", true, "90", "2012", "500", null, null, null)));
		// Members over the span: 威远's own 2012 level 20000 + 10000 + 5000 = 35000, the level at 2012.
		all.add(at("stocks over a span add up the sub-regions' end-year levels", "W", SPAN, "members")
			.value("35000", "exact").rule("SUB_REGIONS", "sum_at_end").valuePeriod("2012").coverage(3, 3)
			.written("3.5万人"));
		// --- a weighted rate whose city is a range (tree Q) ---
		// 李家山市: 一区 70 with 100 members, 二区 92 without members: the range 70～92.
		all.add(at("a city's rate with a district lacking members is a range", "p1", Y, "member_real_name_rate")
			.range("70", "exact", "92", "exact", "exact").rule("SUB_REGIONS", "range").coverage(2, 2)
			.written("70%～92%"));
		// The zone: 李家山 brings 70～92, 峡口 85 (1000 members): no weighted mean; the range 70～92, 2 of 2 —
		// never 峡口's 85 alone presented as the zone.
		all.add(at("a range sub-region is never dropped from a weighted rate", "Q", Y, "member_real_name_rate")
			.range("70", "exact", "92", "exact", "exact").rule("SUB_REGIONS", "range").coverage(2, 2)
			.written("70%～92%")
			.by(new Who("p1", "rolled_up", true, null, null, null, "70", "92", null), weighted("p2", "85", "1000")));
		// --- per 10,000 members (tree P, 2012) ---
		// 小峡 20000余 + 三合 10000 = 30000余 (3万余人), from those two alone; their members 250000 + 150000 =
		// 400000, exact: 30000 × 10000 / 400000 = 750, the numerator's 余 kept: 750余人 (not by the zone's
		// 502000余 members, which include regions that gave no participants).
		all.add(at("per 10,000 members of the same regions, qualifier carried", "P", Y, "competition_participants")
			.value("30000", "余").rule("SUB_REGIONS", "sum").coverage(2, 5).written("3万余人").perMembers("750", "余")
			.compareShows("s5", "750余人"));
		// 洪水泉 12 + 石灰窑 30 = 42; 石灰窑 gave no members: no ratio ("—", with the reason).
		all.add(at("no ratio without the members of the same regions", "P", Y, "competition_units").value("42", "exact")
			.rule("SUB_REGIONS", "sum").coverage(2, 5).written("42家").noPerMembers()
			.compareShows("s5", "—（没有同一批地区的会员数，无法换算）"));
		// 古城's 10 job fairs over its 2000余 members: 10 × 10000 / 2000 = 50; a qualified divisor: 约50.
		all.add(at("a qualified member count makes the ratio 约", "s5", Y, "job_fairs").value("10", "exact")
			.rule("OWN", "own").written("10场").perMembers("50", "约").compareShows("P", "约50场"));
		// --- change from the previous period (tree L, 2012 against 2011) ---
		// 2011: 01 300 + 02 320 + 03 300 + 04 330 = 1250 (4 of 13); 2012: 01 310 + 02 330 + 03 330 + 05 1500
		// + 06 2000 = 4470 (5 of 13). In both, with the same coverage: 01, 02, 03: 920 → 970, +50,
		// 50 / 920 = 5.43…% → 5.4%.
		all.add(at("change is like for like over the districts that reported in both years", "L", Y, "covered_units")
			.value("4470", "exact").rule("SUB_REGIONS", "sum").coverage(5, 13).written("4470个")
			.change("like_for_like", 3, "970", "920", "50", "5.4", "4470", "1250", 4, 13)
			.dashboardShows("同口径 3 个下级：↑5.4%",
					"本期 4470个（13个下级中5个）；上期（2011年）1250个（13个下级中4个）"));
		// Only 城北01 both years: 10 → 12 on the same coverage: +2, 20.0%.
		all.add(at("change on the same coverage of one district", "L", Y, "legal_service_stations").value("12", "exact")
			.rule("SUB_REGIONS", "sum").coverage(1, 13).written("12个")
			.change("same_coverage", null, "12", "10", "2", "20.0", "12", "10", 1, 13));
		// The district's own totals both years: 200 → 250, +50, 25.0%. Each side rests on the district's own
		// report, beside its 13 sub-regions; for the previous year those are not read (an own figure against an
		// own figure needs none of them), so how many of them reported is not known: null of 13.
		all.add(at("change of own totals is on the same coverage", "L", Y, "labour_law_supervisors")
			.value("250", "exact").rule("OWN", "own").coverage(0, 13).written("250人")
			.change("same_coverage", null, "250", "200", "50", "25.0", "250", "200", null, 13));
		// 2011 only 城北07 (40), 2012 only 城北08 (50): nothing in common, no change; both totals shown.
		all.add(at("no change where the periods share no region", "L", Y, "outdoor_worker_stations").value("50", "exact")
			.rule("SUB_REGIONS", "sum").coverage(1, 13).written("50个")
			.change("not_comparable", null, null, null, null, null, "50", "40", 1, 13));
		// A rate: 80 → 85 on the same coverage: +5 points, no per cent.
		all.add(at("a rate's change is in points, never per cent", "L", Y, "collective_contract_rate").value("85", "exact")
			.rule("SUB_REGIONS", "range").coverage(1, 13).written("85%")
			.change("same_coverage", null, "85", "80", "5", null, "85", "80", 1, 13));
		return all;
	}

	@TestFactory
	Stream<DynamicTest> everyScenarioAgreesThroughTheApiTheDashboardAndTheCsv() {
		List<Scenario> all = scenarios();
		assertThat(all).hasSizeGreaterThanOrEqualTo(40);
		return all.stream()
			.map(s -> DynamicTest.dynamicTest(s.name + " [" + s.region + " " + s.period + " " + s.metric + "]",
					() -> check(s)));
	}

	// ------------------------------------------------------------------------------------------------------
	// The three readings
	// ------------------------------------------------------------------------------------------------------

	private void check(Scenario s) throws Exception {
		SoftAssertions soft = new SoftAssertions();
		checkApi(s, soft);
		checkModel(s, soft);
		checkCsv(s, soft);
		checkPages(s, soft);
		soft.assertAll();
	}

	private MockHttpServletRequestBuilder as(Scenario s, MockHttpServletRequestBuilder request) {
		return s.viewer == null ? request : request.with(user(s.viewer).roles("STAFF"));
	}

	private void checkApi(Scenario s, SoftAssertions soft) throws Exception {
		String body = this.mvc
			.perform(as(s, get("/api/regions/{code}/figures", code(s.region)).param("period", s.period)
				.param("metric", s.metric)
				.param("explain", "true")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<Map<String, Object>> figures = JsonPath.read(body, "$.figures");
		if (s.absent) {
			soft.assertThat(figures).as("API: no figure").isEmpty();
			return;
		}
		if (figures.size() != 1) {
			soft.fail("API: expected one figure of " + s.metric + ", got " + body);
			return;
		}
		Map<String, Object> f = figures.get(0);
		String api = "API ";
		number(soft, api + "value", f.get("value"), s.value);
		soft.assertThat(f.get("qualifier")).as(api + "qualifier").isEqualTo(s.qualifier);
		number(soft, api + "min", f.get("min"), s.min);
		number(soft, api + "max", f.get("max"), s.max);
		if (s.min != null) {
			soft.assertThat(f.get("minQualifier")).as(api + "minQualifier").isEqualTo(s.minQualifier);
			soft.assertThat(f.get("maxQualifier")).as(api + "maxQualifier").isEqualTo(s.maxQualifier);
		}
		soft.assertThat(f.get("source")).as(api + "source").isEqualTo(s.source);
		soft.assertThat(f.get("rule")).as(api + "rule").isEqualTo(s.rule);
		if (s.reporting != null) {
			soft.assertThat(f.get("reporting")).as(api + "reporting").isEqualTo(s.reporting);
			soft.assertThat(f.get("subRegions")).as(api + "subRegions").isEqualTo(s.subRegions);
			soft.assertThat(JsonPath.<Integer>read(f, "$.coverage.reporting")).as(api + "coverage.reporting")
				.isEqualTo(s.reporting);
			soft.assertThat(JsonPath.<Integer>read(f, "$.coverage.subRegions")).as(api + "coverage.subRegions")
				.isEqualTo(s.subRegions);
			soft.assertThat(JsonPath.<String>read(f, "$.coverage.source")).as(api + "coverage.source").isEqualTo(s.source);
		}
		if (s.valuePeriod != null) {
			soft.assertThat(f.get("valuePeriod")).as(api + "valuePeriod").isEqualTo(s.valuePeriod);
		}
		if (s.ownChecked) {
			number(soft, api + "own", f.get("own"), s.own);
			number(soft, api + "subRegionsTotal", f.get("subRegionsTotal"), s.subRegionsTotal);
			soft.assertThat(f.get("mismatch")).as(api + "mismatch").isEqualTo(s.mismatch);
		}
		soft.assertThat(f.get("draft")).as(api + "draft").isEqualTo(s.draft);
		if (s.perChecked) {
			number(soft, api + "perTenThousandMembers", f.get("perTenThousandMembers"), s.perMembers);
			soft.assertThat(f.get("perTenThousandMembersQualifier")).as(api + "perTenThousandMembersQualifier")
				.isEqualTo(s.perMembersQualifier);
		}
		if (s.changeBasis != null) {
			soft.assertThat(f.get("previousPeriod")).as(api + "previousPeriod").isEqualTo("2011");
			soft.assertThat(f.get("changeBasis")).as(api + "changeBasis").isEqualTo(s.changeBasis);
			soft.assertThat(f.get("changeRegions")).as(api + "changeRegions").isEqualTo(s.changeRegions);
			number(soft, api + "current", f.get("current"), s.current);
			number(soft, api + "previous", f.get("previous"), s.previous);
			number(soft, api + "change", f.get("change"), s.difference);
			number(soft, api + "changePercent", f.get("changePercent"), s.changePercent);
			number(soft, api + "currentTotal", f.get("currentTotal"), s.currentTotal);
			number(soft, api + "previousTotal", f.get("previousTotal"), s.previousTotal);
			Object previousCoverage = f.get("previousCoverage");
			if (previousCoverage == null) {
				soft.fail(api + "previousCoverage missing");
			}
			else {
				soft.assertThat(JsonPath.<Integer>read(previousCoverage, "$.reporting"))
					.as(api + "previousCoverage.reporting")
					.isEqualTo(s.previousReporting);
				soft.assertThat(JsonPath.<Integer>read(previousCoverage, "$.subRegions"))
					.as(api + "previousCoverage.subRegions")
					.isEqualTo(s.previousSubRegions);
			}
		}
		List<Map<String, Object>> contributors = JsonPath.read(f, "$.contributors");
		for (Who who : s.contributors) {
			String label = api + "contributor " + who.region + " ";
			List<Map<String, Object>> found = contributors.stream()
				.filter(c -> code(who.region).equals(c.get("code")))
				.filter(c -> who.period == null || who.period.equals(c.get("period")))
				.toList();
			if (found.size() != 1) {
				soft.fail(label + "expected once, found " + found);
				continue;
			}
			Map<String, Object> c = found.get(0);
			if (who.reason != null) {
				soft.assertThat(c.get("reason")).as(label + "reason").isEqualTo(who.reason);
			}
			soft.assertThat(c.get("used")).as(label + "used").isEqualTo(who.used);
			if (who.noValue) {
				soft.assertThat(c.get("value")).as(label + "no value").isNull();
				soft.assertThat(c.get("min")).as(label + "no min").isNull();
			}
			if (who.value != null) {
				number(soft, label + "value", c.get("value"), who.value);
			}
			if (who.weight != null) {
				number(soft, label + "weight", c.get("weight"), who.weight);
			}
			if (who.min != null) {
				number(soft, label + "min", c.get("min"), who.min);
				number(soft, label + "max", c.get("max"), who.max);
			}
			if (who.draft != null) {
				soft.assertThat(c.get("draft")).as(label + "draft").isEqualTo(who.draft);
			}
		}
	}

	private void checkModel(Scenario s, SoftAssertions soft) {
		Optional<RegionFigures.Line> found = asViewer(s, () -> {
			Dashboard.View view = this.dashboard.of(code(s.region), Period.parse(s.period), null);
			return Stream.concat(view.headlines().stream(), view.others().values().stream().flatMap(List::stream))
				.map(Dashboard.Card::line)
				.filter(line -> line.metric().getKey().equals(s.metric))
				.findFirst();
		});
		String model = "dashboard ";
		if (s.absent) {
			soft.assertThat(found).as(model + "no card").isEmpty();
			return;
		}
		if (found.isEmpty()) {
			soft.fail(model + "no card for " + s.metric);
			return;
		}
		RegionFigures.Line line = found.get();
		Combined value = line.value();
		number(soft, model + "value", value.value(), s.value);
		soft.assertThat(value.qualifier().code()).as(model + "qualifier").isEqualTo(s.qualifier);
		number(soft, model + "min", value.min(), s.min);
		number(soft, model + "max", value.max(), s.max);
		if (s.min != null) {
			soft.assertThat(code(value.minQualifier())).as(model + "minQualifier").isEqualTo(s.minQualifier);
			soft.assertThat(code(value.maxQualifier())).as(model + "maxQualifier").isEqualTo(s.maxQualifier);
		}
		soft.assertThat(line.source().name()).as(model + "source").isEqualTo(s.source);
		soft.assertThat(line.rule() == null ? null : line.rule().code()).as(model + "rule").isEqualTo(s.rule);
		if (s.reporting != null) {
			soft.assertThat(line.reporting()).as(model + "reporting").isEqualTo(s.reporting);
			soft.assertThat(line.subRegions()).as(model + "subRegions").isEqualTo(s.subRegions);
		}
		if (s.valuePeriod != null) {
			soft.assertThat(String.valueOf(line.valuePeriod())).as(model + "valuePeriod").isEqualTo(s.valuePeriod);
		}
		if (s.ownChecked) {
			number(soft, model + "own", line.own() == null ? null : line.own().value(), s.own);
			number(soft, model + "subRegionsTotal", line.fromSubRegions() == null ? null : line.fromSubRegions().value(),
					s.subRegionsTotal);
			soft.assertThat(line.mismatch()).as(model + "mismatch").isEqualTo(s.mismatch);
		}
		soft.assertThat(line.draft()).as(model + "draft").isEqualTo(s.draft);
		if (s.perChecked) {
			Combined per = line.perTenThousandMembers();
			number(soft, model + "perTenThousandMembers", per == null ? null : per.value(), s.perMembers);
			soft.assertThat(per == null ? null : per.qualifier().code()).as(model + "perTenThousandMembers qualifier")
				.isEqualTo(s.perMembersQualifier);
		}
		if (s.changeBasis != null) {
			Change change = line.change();
			if (change == null) {
				soft.fail(model + "no change");
			}
			else {
				soft.assertThat(change.previousPeriod()).as(model + "previousPeriod").isEqualTo(Period.year(2011));
				soft.assertThat(change.basis().code()).as(model + "changeBasis").isEqualTo(s.changeBasis);
				if (s.changeRegions != null) {
					soft.assertThat(change.regions()).as(model + "changeRegions").isEqualTo(s.changeRegions);
				}
				number(soft, model + "current", change.current() == null ? null : change.current().value(), s.current);
				number(soft, model + "previous", change.previous() == null ? null : change.previous().value(), s.previous);
				number(soft, model + "change", change.difference().orElse(null), s.difference);
				number(soft, model + "changePercent", change.percent().orElse(null), s.changePercent);
				number(soft, model + "currentTotal", change.currentTotal().value(), s.currentTotal);
				number(soft, model + "previousTotal", change.previousTotal().value(), s.previousTotal);
				soft.assertThat(change.previousCoverage().reporting()).as(model + "previousCoverage.reporting")
					.isEqualTo(s.previousReporting);
				soft.assertThat(change.previousCoverage().of()).as(model + "previousCoverage.subRegions")
					.isEqualTo(s.previousSubRegions);
			}
		}
		for (Who who : s.contributors) {
			String label = model + "contributor " + who.region + " ";
			List<Contributor> matching = line.contributors()
				.stream()
				.filter(c -> code(who.region).equals(c.region().code()))
				.filter(c -> who.period == null || who.period.equals(String.valueOf(c.period())))
				.toList();
			if (matching.size() != 1) {
				soft.fail(label + "expected once, found " + matching);
				continue;
			}
			Contributor c = matching.get(0);
			if (who.reason != null) {
				soft.assertThat(c.reason().code()).as(label + "reason").isEqualTo(who.reason);
			}
			soft.assertThat(c.used()).as(label + "used").isEqualTo(who.used);
			if (who.noValue) {
				soft.assertThat(c.value()).as(label + "no value").isNull();
			}
			if (who.value != null) {
				number(soft, label + "value", c.value() == null ? null : c.value().value(), who.value);
			}
			if (who.weight != null) {
				number(soft, label + "weight", c.weight(), who.weight);
			}
			if (who.min != null) {
				number(soft, label + "min", c.value() == null ? null : c.value().min(), who.min);
				number(soft, label + "max", c.value() == null ? null : c.value().max(), who.max);
			}
			if (who.draft != null) {
				soft.assertThat(c.draft()).as(label + "draft").isEqualTo(who.draft);
			}
		}
	}

	private void checkCsv(Scenario s, SoftAssertions soft) throws Exception {
		byte[] bytes = this.mvc
			.perform(as(s, get("/regions/{code}/export.csv", code(s.region)).param("period", s.period)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<CSVRecord> rows;
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text))) {
			rows = parser.getRecords().stream().filter(r -> s.metric.equals(r.get("metric_key"))).toList();
		}
		if (s.absent) {
			soft.assertThat(rows).as("CSV: no row").isEmpty();
			return;
		}
		if (rows.size() != 1) {
			soft.fail("CSV: expected one row of " + s.metric + ", got " + rows.size());
			return;
		}
		CSVRecord row = rows.get(0);
		String value = row.get("value");
		number(soft, "CSV value", value.isEmpty() ? null : value, s.value);
		soft.assertThat(row.get("qualifier")).as("CSV qualifier").isEqualTo(s.qualifier);
		soft.assertThat(row.get("period")).as("CSV period").isEqualTo(s.period);
		soft.assertThat(row.get("note")).as("CSV note says where the value came from")
			.startsWith(SOURCE_LABELS.get(s.source));
		if (s.written != null) {
			soft.assertThat(row.get("written")).as("CSV written").isEqualTo(s.written);
		}
	}

	/** The written forms a person reads on the dashboard page and on the compare page per 10,000 members. */
	private void checkPages(Scenario s, SoftAssertions soft) throws Exception {
		if (!s.dashboardShows.isEmpty()) {
			String page = this.mvc.perform(as(s, get("/regions/{code}", code(s.region)).param("period", s.period)))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			s.dashboardShows.forEach(text -> soft.assertThat(page).as("dashboard page shows " + text).contains(text));
		}
		if (s.compareWith != null) {
			String page = this.mvc
				.perform(as(s, get("/regions/{code}/compare", code(s.region)).param("with", code(s.compareWith))
					.param("period", s.period)
					.param("metric", s.metric)
					.param("per", "members")))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			s.compareShows.forEach(text -> soft.assertThat(page).as("compare page shows " + text).contains(text));
		}
	}

	private <T> T asViewer(Scenario s, java.util.function.Supplier<T> work) {
		if (s.viewer == null) {
			return work.get();
		}
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(s.viewer, null, "ROLE_STAFF"));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void number(SoftAssertions soft, String what, Object actual, String expected) {
		BigDecimal got = actual == null ? null : new BigDecimal(actual.toString());
		if (expected == null) {
			soft.assertThat(got).as(what + " (none)").isNull();
		}
		else if (got == null) {
			soft.fail(what + ": expected " + expected + ", got none");
		}
		else {
			soft.assertThat(got).as(what).isEqualByComparingTo(expected);
		}
	}

	private static String code(org.unionreports.portal.shared.Qualifier qualifier) {
		return qualifier == null ? null : qualifier.code();
	}

	// ------------------------------------------------------------------------------------------------------
	// Making trees and figures
	// ------------------------------------------------------------------------------------------------------

	private String code(String name) {
		return Objects.requireNonNull(this.regions.get(name), name).getCode();
	}

	/**
	 * A zone under the parent and its grassroots unions, named {@code prefix1}, {@code prefix2}… (with two
	 * digits where there are ten or more); a null name leaves that name to a sub-zone added with {@link #subZone}.
	 */
	private void zone(Region parent, String name, String nameZh, String prefix, String... unions) {
		Region zone = this.tree.addWithOwnCode(parent, nameZh, null, RegionLevel.ZONE);
		this.regions.put(name, zone);
		for (int i = 0; i < unions.length; i++) {
			if (unions[i] == null) {
				continue;
			}
			String key = unions.length > 9 ? String.format("%s%02d", prefix, i + 1) : prefix + (i + 1);
			this.regions.put(key, this.tree.addWithOwnCode(zone, unions[i], null, RegionLevel.GRASSROOTS));
		}
	}

	private void subZone(String name, String parent, String nameZh, String prefix, String... districts) {
		Region zone = this.tree.addWithOwnCode(this.regions.get(parent), nameZh, null, RegionLevel.ZONE);
		this.regions.put(name, zone);
		for (int i = 0; i < districts.length; i++) {
			this.regions.put(prefix + (i + 1), this.tree.addWithOwnCode(zone, districts[i], null, RegionLevel.GRASSROOTS));
		}
	}

	private long report(String region, int first, int last) {
		return this.figures.report(this.regions.get(region), first, last, "PUBLISHED");
	}

	private void fig(long report, String metric, long value, String qualifier) {
		this.figures.figure(report, metric, value, qualifier);
	}

	private void target(long report, String metric, int first, int last, long value) {
		this.figures.figure(report, metric, first, last, BigDecimal.valueOf(value), "exact", true);
	}

	// ------------------------------------------------------------------------------------------------------
	// The table's rows
	// ------------------------------------------------------------------------------------------------------

	static Scenario at(String name, String region, String period, String metric) {
		return new Scenario(name, region, period, metric);
	}

	/** A sub-region's own figure, used. */
	static Who own(String region, String value) {
		return new Who(region, "own", true, value, null, null, null, null, null);
	}

	/** A contributor used, whatever the reason's name (a sub-region's sum of years, say). */
	static Who used(String region, String value) {
		return new Who(region, null, true, value, null, null, null, null, null);
	}

	/** One year of a region's own flow, in a sum of years. */
	static Who year(String region, String period, String value) {
		return new Who(region, "year", true, value, period, null, null, null, null);
	}

	/** A sub-region's own rate, used with its own members as the weight. */
	static Who weighted(String region, String value, String weight) {
		return new Who(region, "own", true, value, null, weight, null, null, null);
	}

	/** A sub-region left out, for the reason given. */
	static Who left(String region, String reason) {
		return new Who(region, reason, false, null, null, null, null, null, null);
	}

	/** An expected contributor; a null field is not checked. */
	static final class Who {

		final String region;

		final String reason;

		final boolean used;

		final String value;

		final String period;

		final String weight;

		final String min;

		final String max;

		final Boolean draft;

		boolean noValue;

		Who(String region, String reason, boolean used, String value, String period, String weight, String min,
				String max, Boolean draft) {
			this.region = region;
			this.reason = reason;
			this.used = used;
			this.value = value;
			this.period = period;
			this.weight = weight;
			this.min = min;
			this.max = max;
			this.draft = draft;
		}

		/** The contributor must show no value (a draft out of scope). */
		Who noValue() {
			this.noValue = true;
			return this;
		}

	}

	/** One row of the table: where, what, for whom, and the expectation. */
	static final class Scenario {

		final String name;

		final String region;

		final String period;

		final String metric;

		String viewer;

		boolean absent;

		String value;

		String qualifier;

		String min;

		String max;

		String minQualifier;

		String maxQualifier;

		String source;

		String rule;

		Integer reporting;

		Integer subRegions;

		String valuePeriod;

		boolean ownChecked;

		String own;

		String subRegionsTotal;

		boolean mismatch;

		boolean draft;

		boolean perChecked;

		String perMembers;

		String perMembersQualifier;

		String changeBasis;

		Integer changeRegions;

		String current;

		String previous;

		String difference;

		String changePercent;

		String currentTotal;

		String previousTotal;

		Integer previousReporting;

		Integer previousSubRegions;

		String written;

		final List<Who> contributors = new ArrayList<>();

		final List<String> dashboardShows = new ArrayList<>();

		String compareWith;

		final List<String> compareShows = new ArrayList<>();

		Scenario(String name, String region, String period, String metric) {
			this.name = name;
			this.region = region;
			this.period = period;
			this.metric = metric;
		}

		Scenario as(String viewer) {
			this.viewer = viewer;
			return this;
		}

		Scenario absent() {
			this.absent = true;
			return this;
		}

		Scenario value(String value, String qualifier) {
			this.value = value;
			this.qualifier = qualifier;
			return this;
		}

		Scenario range(String min, String minQualifier, String max, String maxQualifier, String qualifier) {
			this.min = min;
			this.minQualifier = minQualifier;
			this.max = max;
			this.maxQualifier = maxQualifier;
			this.qualifier = qualifier;
			return this;
		}

		Scenario rule(String source, String rule) {
			this.source = source;
			this.rule = rule;
			return this;
		}

		Scenario coverage(int reporting, int subRegions) {
			this.reporting = reporting;
			this.subRegions = subRegions;
			return this;
		}

		Scenario valuePeriod(String period) {
			this.valuePeriod = period;
			return this;
		}

		Scenario own(String own, String subRegionsTotal, boolean mismatch) {
			this.ownChecked = true;
			this.own = own;
			this.subRegionsTotal = subRegionsTotal;
			this.mismatch = mismatch;
			return this;
		}

		Scenario draft() {
			this.draft = true;
			return this;
		}

		Scenario perMembers(String value, String qualifier) {
			this.perChecked = true;
			this.perMembers = value;
			this.perMembersQualifier = qualifier;
			return this;
		}

		Scenario noPerMembers() {
			return perMembers(null, null);
		}

		Scenario change(String basis, Integer regions, String current, String previous, String difference,
				String percent, String currentTotal, String previousTotal, Integer previousReporting,
				int previousSubRegions) {
			this.changeBasis = basis;
			this.changeRegions = regions;
			this.current = current;
			this.previous = previous;
			this.difference = difference;
			this.changePercent = percent;
			this.currentTotal = currentTotal;
			this.previousTotal = previousTotal;
			this.previousReporting = previousReporting;
			this.previousSubRegions = previousSubRegions;
			return this;
		}

		Scenario written(String written) {
			this.written = written;
			return this;
		}

		Scenario by(Who... who) {
			this.contributors.addAll(List.of(who));
			return this;
		}

		Scenario dashboardShows(String... texts) {
			this.dashboardShows.addAll(List.of(texts));
			return this;
		}

		Scenario compareShows(String with, String... texts) {
			this.compareWith = with;
			this.compareShows.addAll(List.of(texts));
			return this;
		}

	}

}
