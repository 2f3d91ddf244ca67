package org.unionreports.portal.dataimport.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.newDraft;

/**
 * Every figure a save is given is stored, or listed with the reason it was not: two different facts that
 * mean one catalogue metric are both kept and reported as a conflict for a person to settle, a figure the
 * source printed with a slip is kept as printed with its note, and a report is not submitted while either
 * question is open.
 */
@PortalTest
class NothingLostTest {

	private static final String STAFF = "nl-staff";

	private static final String HEADER = "section,text,number_text,value,unit,qualifier,metric_zh,period,kind,note\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	private static int nextYear = 1950;

	@BeforeEach
	void users() {
		this.users.ensure(STAFF, Role.STAFF, "610000");
	}

	@Test
	void twoFactsOfOneMetricInOneFileAreBothStoredAndTheConflictIsReported() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String csv = HEADER + "组织建设,会员总数达到4.2万人,4.2万,42000,人,exact,会员总数,,stock,\n"
				+ "组织建设,全市工会会员45000人,45000,45000,人,exact,工会会员,,stock,\n";

		String dryRun = importCsv(report, csv, true, 200);
		assertThat(JsonPath.<Integer>read(dryRun, "$.stored")).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(dryRun, "$.conflicts[*].metricKey")).containsExactly("members");
		assertThat(figureCount(report)).as("a dry run stores nothing").isZero();

		String stored = importCsv(report, csv, false, 200);
		assertThat(JsonPath.<Integer>read(stored, "$.accepted")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(stored, "$.stored")).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(stored, "$.figures[*].status")).containsExactly("stored", "conflict");
		assertThat(JsonPath.<List<Integer>>read(stored, "$.conflicts[0].figureIds")).hasSize(2);
		assertThat(values(report)).containsEntry("会员总数", 42000L).containsEntry("工会会员", 45000L);

		// The same file again leaves the same figures, not twice as many, and the same conflict.
		String again = importCsv(report, csv, false, 200);
		assertThat(JsonPath.<List<String>>read(again, "$.figures[*].change")).containsExactly("unchanged", "unchanged");
		assertThat(figureCount(report)).isEqualTo(2);
	}

	@Test
	void theBrowsersDryRunShowsTheConflictBeforeAnythingIsStored() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", STAFF)
			.param("password", TestUsers.PASSWORD));
		String csv = HEADER + "组织建设,会员总数达到4.2万人,4.2万,42000,人,exact,会员总数,,stock,\n"
				+ "组织建设,全市工会会员45000人,45000,45000,人,exact,工会会员,,stock,\n";
		this.mvc
			.perform(multipart("/staff/reports/{id}/import", report)
				.file(new MockMultipartFile("file", "figures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入将存 2 个数据")))
			.andExpect(content().string(containsString("“工会会员数”有 2 个数据，请选定哪一个是本报告的数值。")));
		assertThat(figureCount(report)).isZero();
	}

	@Test
	void aReportIsNotSubmittedUntilStaffSayWhichFigureIsTheReportsValue() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		importCsv(report, HEADER + "组织建设,会员总数达到4.2万人,4.2万,42000,人,exact,会员总数,,stock,\n"
				+ "组织建设,全市工会会员45000人,45000,45000,人,exact,工会会员,,stock,\n", false, 200);
		this.mvc.perform(post("/api/reports/{id}/submit", report).with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isConflict());

		long claimant = this.jdbc.sql("select id from figure where report_id = ? and subject = '工会会员'")
			.param(report)
			.query(Long.class)
			.single();
		String settled = this.mvc
			.perform(post("/api/reports/{id}/figures/{figure}/metric", report, claimant)
				.with(httpBasic(STAFF, TestUsers.PASSWORD))
				.contentType("application/json")
				.content("{\"metricKey\":\"members\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Integer>read(settled, "$.open")).isZero();
		// The chosen figure is the report's members; the other is kept under its own label, not dropped.
		String json = reportJson(report);
		assertThat(JsonPath.<List<Integer>>read(json, "$.figures[?(@.metricKey == 'members')].value")).containsExactly(45000);
		assertThat(JsonPath.<List<String>>read(json, "$.figures[?(@.label == '会员总数')].subject")).containsExactly("会员总数");
		assertThat(JsonPath.<List<Object>>read(json, "$.figures[*].claimsMetricKey")).containsOnlyNulls();
		// The label remembers what staff confirmed, for the next extraction.
		assertThat(this.jdbc.sql("select m.key from figure_label l join metric m on m.id = l.mapped_metric_id"
				+ " where l.name_zh = '工会会员' and l.unit = '人'").query(String.class).single()).isEqualTo("members");

		this.mvc.perform(post("/api/reports/{id}/submit", report).with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void aCountPrintedWithAFractionImportsAsPrintedWithItsNoteAndIsRefusedWithoutOne() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String without = HEADER + "帮扶服务,慰问职工等8.6余人次,8.6余,8.6,人次,余,慰问职工人次,,flow,\n";
		String refused = importCsv(report, without, false, 422);
		assertThat(JsonPath.<List<Integer>>read(refused, "$.errors[*].line")).containsExactly(2);
		assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].column")).containsExactly("note");
		assertThat(JsonPath.<String>read(refused, "$.errors[0].message")).contains("整数");
		assertThat(figureCount(report)).isZero();

		String with = HEADER
				+ "帮扶服务,慰问职工等8.6余人次,8.6余,8.6,人次,余,慰问职工人次,,flow,源文件如此印刷（疑漏“万”字）\n";
		String dryRun = importCsv(report, with, true, 200);
		assertThat(JsonPath.<List<String>>read(dryRun, "$.figures[*].flag")).containsExactly("as_printed");
		String stored = importCsv(report, with, false, 200);
		assertThat(JsonPath.<Integer>read(stored, "$.stored")).isEqualTo(1);
		String json = reportJson(report);
		assertThat(JsonPath.<List<String>>read(json, "$.figures[*].flag")).containsExactly("as_printed");
		assertThat(JsonPath.<List<Double>>read(json, "$.figures[*].value")).containsExactly(8.6);
		// Explained, so nothing stands in the way of submitting it.
		this.mvc.perform(post("/api/reports/{id}/submit", report).with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void aFigureFromATextThatNeedsAnExplanationIsStoredAndWaitsForItBeforeSubmission() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String answer = text(report, "走访慰问困难职工等8.6余人次。", false);
		assertThat(JsonPath.<Integer>read(answer, "$.counts.stored")).isEqualTo(1);
		assertThat(JsonPath.<List<Object>>read(answer, "$.needExplanation")).hasSize(1);
		this.mvc.perform(post("/api/reports/{id}/submit", report).with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isConflict());
		long figure = JsonPath.<Integer>read(answer, "$.figures[0].id").longValue();
		String noted = this.mvc
			.perform(post("/api/reports/{id}/figures/{figure}/note", report, figure)
				.with(httpBasic(STAFF, TestUsers.PASSWORD))
				.contentType("application/json")
				.content("{\"note\":\"按原文：源文件漏印“万”字\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(noted, "$.flag")).isEqualTo("as_printed");
		assertThat(JsonPath.<Integer>read(noted, "$.unexplained")).isZero();
		this.mvc.perform(post("/api/reports/{id}/submit", report).with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void aTextThatStatesOneFactTwiceStoresItOnceAndSaysWhyTheOtherWasNotStored() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String text = "五年来，累计筹集帮扶资金3200余万元。\n\n各级工会累计筹集帮扶资金3200余万元，帮扶困难职工1.2万户次。";
		String dryRun = text(report, text, true);
		assertThat(figureCount(report)).as("a dry run stores nothing").isZero();
		String answer = text(report, text, false);
		assertThat(JsonPath.<Map<String, Integer>>read(dryRun, "$.counts"))
			.isEqualTo(JsonPath.<Map<String, Integer>>read(answer, "$.counts"));
		int proposed = JsonPath.read(answer, "$.counts.proposed");
		int stored = JsonPath.read(answer, "$.counts.stored");
		int notStored = JsonPath.read(answer, "$.counts.notStored");
		assertThat(proposed).isEqualTo(stored + notStored);
		assertThat(figureCount(report)).isEqualTo(stored);
		assertThat(JsonPath.<List<String>>read(answer, "$.notStored[*].reason")).allSatisfy(
				reason -> assertThat(reason).contains("同一事实只存一次"));
		assertThat(JsonPath.<List<String>>read(dryRun, "$.figures[*].subject"))
			.isEqualTo(JsonPath.<List<String>>read(answer, "$.figures[*].subject"));
	}

	@Test
	void aTextOverTheLimitIsAnswered413AndNothingIsStored() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String text = "举办职工技能培训班12期，培训职工3400人次。".repeat(60_000); // about 3.6 MB
		this.mvc
			.perform(post("/api/reports/{id}/text", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
				.contentType("text/plain;charset=UTF-8")
				.content(text.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().is(413));
		assertThat(figureCount(report)).isZero();
	}

	@Test
	void twoFiguresThatSwapTheirMetricsOnAReimportAreBothStored() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String header = "metric_key,metric_zh,unit,value\n";
		importCsv(report, header + "members,会员总数,人,100\nnew_members,新发展会员,人,10\n", false, 200);
		// The index that keeps one figure per metric is checked row by row: the swap must not collide with itself.
		importCsv(report, header + "new_members,会员总数,人,100\nmembers,新发展会员,人,10\n", false, 200);
		assertThat(this.jdbc.sql("select f.subject || '=' || m.key from figure f join metric m on m.id = f.metric_id"
				+ " where f.report_id = ? order by f.subject").param(report).query(String.class).list())
			.containsExactly("会员总数=new_members", "新发展会员=members");
	}

	@Test
	void aSubjectGivenAgainBesideTheFigureItNamesIsAddedNotWrittenOverIt() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String header = "metric_key,metric_zh,unit,value\n";
		importCsv(report, header + "members,工会会员数,人,100\n", false, 200);
		// 会员总数 describes the figure the grid or an older import stored under the metric's own name; the next
		// row names that figure's subject again with another value: a second figure, never the same key twice.
		String answer = importCsv(report, header + "members,会员总数,人,120\nmembers,工会会员数,人,130\n", false, 200);
		assertThat(JsonPath.<Integer>read(answer, "$.stored")).isEqualTo(2);
		assertThat(this.jdbc.sql("select value from figure where report_id = ?")
			.param(report)
			.query(java.math.BigDecimal.class)
			.list()).extracting(java.math.BigDecimal::intValue).containsExactlyInAnyOrder(120, 130);
	}

	@Test
	void aTextThatDropsOneOfTwoValuesOfASubjectLeavesTheOtherAlone() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610300", nextYear++, "宝鸡");
		String header = "metric_zh,unit,value\n";
		importCsv(report, header + "慰问职工,人次,1\n慰问职工,人次,2\n", false, 200);
		String again = importCsv(report, header + "慰问职工,人次,2\n", false, 200);
		assertThat(JsonPath.<List<String>>read(again, "$.figures[*].change")).containsExactly("unchanged");
		assertThat(this.jdbc.sql("select value from figure where report_id = ? order by occurrence")
			.param(report)
			.query(java.math.BigDecimal.class)
			.list()).extracting(java.math.BigDecimal::intValue).containsExactly(1, 2);
	}

	private String importCsv(long report, String csv, boolean dryRun, int expected) throws Exception {
		return this.mvc
			.perform(post("/api/reports/{id}/figures/import", report).param("dryRun", Boolean.toString(dryRun))
				.with(httpBasic(STAFF, TestUsers.PASSWORD))
				.contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String text(long report, String text, boolean dryRun) throws Exception {
		return this.mvc
			.perform(post("/api/reports/{id}/text", report).param("dryRun", Boolean.toString(dryRun))
				.with(httpBasic(STAFF, TestUsers.PASSWORD))
				.contentType("text/plain;charset=UTF-8")
				.content(text.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String reportJson(long report) throws Exception {
		return this.mvc.perform(get("/api/reports/{id}", report).with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private int figureCount(long report) {
		return this.jdbc.sql("select count(*) from figure where report_id = ?").param(report).query(Integer.class).single();
	}

	private Map<String, Long> values(long report) {
		Map<String, Long> values = new java.util.HashMap<>();
		this.jdbc.sql("select subject, value from figure where report_id = ?")
			.param(report)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getBigDecimal(2).longValueExact()))
			.list()
			.forEach(entry -> values.put(entry.getKey(), entry.getValue()));
		return values;
	}

}
