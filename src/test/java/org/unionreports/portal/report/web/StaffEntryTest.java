package org.unionreports.portal.report.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.report.SectionRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.signedIn;

/**
 * Staff enter a report in the browser: the figure grid in Chinese notation, validation that keeps what was
 * typed, refusal of a save made on an older version, the workflow, revisions and the history.
 */
@PortalTest
class StaffEntryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	MockHttpSession staff;

	MockHttpSession otherStaff;

	MockHttpSession leader;

	@BeforeEach
	void signInTheUsers() throws Exception {
		this.users.ensure("se-staff", Role.STAFF, "610100");
		this.users.ensure("se-staff-2", Role.STAFF, "610000");
		this.users.ensure("se-leader", Role.LEADER, "610000");
		this.staff = signedIn(this.mvc, "se-staff");
		this.otherStaff = signedIn(this.mvc, "se-staff-2");
		this.leader = signedIn(this.mvc, "se-leader");
	}

	/** Creates a draft of 西安市 for a year no other test uses. */
	private long createReport(int year) throws Exception {
		MvcResult created = this.mvc.perform(post("/staff/reports").session(this.staff).with(csrf())
			.param("regionCode", "610100").param("periodStart", Integer.toString(year))
			.param("title", "西安市总工会" + year + "年工作报告")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/staff/reports/");
		return Long.parseLong(location.substring("/staff/reports/".length()));
	}

	private FigureGridForm openGrid(MockHttpSession session, long report) throws Exception {
		MvcResult grid = this.mvc.perform(get("/staff/reports/{id}/figures", report).session(session))
			.andExpect(status().isOk()).andReturn();
		return (FigureGridForm) grid.getModelAndView().getModel().get("form");
	}

	private MockHttpServletRequestBuilder saveGrid(MockHttpSession session, long report, FigureGridForm opened,
			Map<String, String> cells) {
		MockHttpServletRequestBuilder request = post("/staff/reports/{id}/figures", report).session(session)
			.with(csrf())
			.param("version", Long.toString(opened.getVersion()))
			.param("lastChangeSeen", Long.toString(opened.getLastChangeSeen()))
			.param("openedKnown", Boolean.toString(opened.isOpenedKnown()));
		// As a browser sends the form: the cells as they were opened ride along in hidden fields.
		opened.getOpenedCells().forEach((key, value) -> request.param("openedCells[" + key + "]", value));
		opened.getOpenedUnits().forEach((key, value) -> request.param("openedUnits[" + key + "]", value));
		cells.forEach((key, value) -> request.param("cells[" + key + "]", value));
		return request;
	}

	private record Stored(BigDecimal value, String unit, String qualifier) {
	}

	private Map<String, Stored> stored(long report) {
		return this.jdbc.sql("""
				select m.key, f.value, f.unit, f.qualifier from figure f join metric m on m.id = f.metric_id
				where f.report_id = :id""")
			.param("id", report)
			.query((rs, row) -> Map.entry(rs.getString("key"),
					new Stored(rs.getBigDecimal("value"), rs.getString("unit"), rs.getString("qualifier"))))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private String statusOf(long report) {
		return this.jdbc.sql("select status from report where id = :id").param("id", report).query(String.class).single();
	}

	@Test
	void aNewReportHasTheUsualSections() throws Exception {
		long report = createReport(2031);
		List<String> headings = this.jdbc.sql("select heading from section where report_id = :id order by position")
			.param("id", report).query(String.class).list();
		assertThat(headings).startsWith("思想政治引领", "建功立业").contains("工会自身建设");
	}

	@Test
	void staffEnterFiguresInEachChineseNotation() throws Exception {
		long report = createReport(2032);
		FigureGridForm opened = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, opened, Map.of("aid_funds", "2.06亿", "education_events", "1万余",
				"legal_services", "近千万", "collective_contract_rate", "85%以上", "industry_federations", "三",
				"members", "１,２３４,５６７", "cultural_sports_events", "超500", "jobs_offered", "4.6萬")))
			.andExpect(redirectedUrl("/staff/reports/" + report + "/figures"));
		Map<String, Stored> stored = stored(report);
		assertThat(stored.get("aid_funds").value()).isEqualByComparingTo("206000000");
		assertThat(stored.get("education_events")).satisfies(s -> {
			assertThat(s.value()).isEqualByComparingTo("10000");
			assertThat(s.qualifier()).isEqualTo("余");
		});
		assertThat(stored.get("legal_services").qualifier()).isEqualTo("近");
		assertThat(stored.get("legal_services").value()).isEqualByComparingTo("10000000");
		assertThat(stored.get("collective_contract_rate")).satisfies(s -> {
			assertThat(s.value()).isEqualByComparingTo("85");
			assertThat(s.unit()).isEqualTo("%");
			assertThat(s.qualifier()).isEqualTo("以上");
		});
		assertThat(stored.get("industry_federations").value()).isEqualByComparingTo("3");
		assertThat(stored.get("members").value()).isEqualByComparingTo("1234567");
		assertThat(stored.get("cultural_sports_events").qualifier()).isEqualTo("超");
		assertThat(stored.get("jobs_offered").value()).isEqualByComparingTo("46000");

		this.mvc.perform(get("/reports/{id}", report).session(this.staff))
			.andExpect(content().string(containsString("2.06亿元")))
			.andExpect(content().string(containsString("1万余场")))
			// as typed (issue 15, item 6): 近千万, not the portal's 近1000万
			.andExpect(content().string(containsString("近千万人次")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("近1000万人次"))))
			.andExpect(content().string(containsString("85%以上")));
	}

	@Test
	void aLongTailRowInTenThousandsOfYuanIsStoredInYuan() throws Exception {
		long report = createReport(2042);
		FigureGridForm opened = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, opened, Map.of())
			.param("rows[0].nameZh", "暖心礼包资金").param("rows[0].unit", "万元").param("rows[0].family", "AID")
			.param("rows[0].kind", "FLOW").param("rows[0].value", "1.5"))
			.andExpect(redirectedUrl("/staff/reports/" + report + "/figures"));
		assertThat(this.jdbc.sql("select f.value || f.unit from figure f where f.report_id = :id").param("id", report)
			.query(String.class).single()).isEqualTo("15000.0000元");
	}

	@Test
	void thePreviewSaysWhatACellWillStoreAndHowItIsWritten() throws Exception {
		this.mvc.perform(get("/staff/figure-preview").session(this.staff).param("unit", "人").param("cells[members]", "435万余"))
			.andExpect(content().string(containsString("4,350,000 人")))
			.andExpect(content().string(containsString("435万余人")));
		this.mvc.perform(get("/staff/figure-preview").session(this.staff).param("unit", "元").param("cells[aid_funds]", "2.0.6亿"))
			.andExpect(content().string(containsString("有 2 个小数点")));
	}

	@Test
	void anInvalidSaveKeepsEverythingTypedAndSavesNothing() throws Exception {
		long report = createReport(2033);
		FigureGridForm opened = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, opened,
				Map.of("collective_contract_rate", "120", "aid_funds", "2.0.6亿", "members", "5000",
						"new_employment_members", "6000", "grassroots_unions", "12.5")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("百分比须在 0 到 100 之间，120% 不行")))
			.andExpect(content().string(containsString("有 2 个小数点")))
			// A part above its whole and a count with a fraction can be true: warnings to explain, not errors.
			.andExpect(content().string(not(containsString("新就业形态劳动者会员数大于工会会员数"))))
			.andExpect(content().string(containsString("value=\"12.5\"")))
			.andExpect(content().string(containsString("value=\"2.0.6亿\"")))
			.andExpect(content().string(containsString("value=\"5000\"")))
			.andExpect(content().string(containsString("数据都没有保存")));
		assertThat(stored(report)).isEmpty();
	}

	@Test
	void aSaveOnAnOlderVersionIsRefusedShowingTheOtherChangeAndKeepingTheInput() throws Exception {
		long report = createReport(2034);
		FigureGridForm first = openGrid(this.staff, report);
		FigureGridForm second = openGrid(this.otherStaff, report);
		this.mvc.perform(saveGrid(this.staff, report, first, Map.of("members", "100")))
			.andExpect(redirectedUrl("/staff/reports/" + report + "/figures"));
		this.mvc.perform(saveGrid(this.otherStaff, report, second, Map.of("members", "200", "aid_funds", "3万")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("这份报告刚被别人修改过")))
			.andExpect(content().string(containsString("se-staff")))
			.andExpect(content().string(containsString("100人")))
			.andExpect(content().string(containsString("value=\"200\"")))
			.andExpect(content().string(containsString("value=\"3万\"")));
		assertThat(stored(report).get("members").value()).isEqualByComparingTo("100");
		assertThat(stored(report)).doesNotContainKey("aid_funds");
	}

	@Test
	void theWorkflowRunsThroughEveryStepAndRefusesTheIllegalOnes() throws Exception {
		long report = createReport(2035);
		String page = "/staff/reports/" + report;
		// Publishing or approving a draft is refused, and staff may not approve at all.
		this.mvc.perform(post(page + "/publish").session(this.leader).with(csrf()))
			.andExpect(flash().attribute("problem", "report.step.refused.publish"));
		this.mvc.perform(post(page + "/approve").session(this.leader).with(csrf()))
			.andExpect(flash().attribute("problem", "report.step.refused.approve"));
		this.mvc.perform(post(page + "/approve").session(this.staff).with(csrf())).andExpect(status().isForbidden());
		assertThat(statusOf(report)).isEqualTo("DRAFT");

		this.mvc.perform(post(page + "/submit").session(this.staff).with(csrf())).andExpect(redirectedUrl(page));
		assertThat(statusOf(report)).isEqualTo("SUBMITTED");
		// Submitted is read-only to staff.
		FigureGridForm readOnly = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, readOnly, Map.of("members", "1")))
			.andExpect(content().string(containsString("已提交或已审核的报告不能修改")));
		assertThat(stored(report)).isEmpty();

		this.mvc.perform(post(page + "/return").session(this.leader).with(csrf()).param("comment", ""))
			.andExpect(flash().attribute("problem", "report.return.commentRequired"));
		this.mvc.perform(post(page + "/return").session(this.leader).with(csrf()).param("comment", "会员数请核对"))
			.andExpect(redirectedUrl(page));
		assertThat(statusOf(report)).isEqualTo("RETURNED");
		this.mvc.perform(get(page).session(this.staff)).andExpect(content().string(containsString("会员数请核对")));

		this.mvc.perform(post(page + "/submit").session(this.staff).with(csrf()));
		this.mvc.perform(post(page + "/approve").session(this.leader).with(csrf()));
		assertThat(statusOf(report)).isEqualTo("APPROVED");
		this.mvc.perform(post(page + "/submit").session(this.staff).with(csrf()))
			.andExpect(flash().attribute("problem", "report.step.refused.submit"));
		this.mvc.perform(post(page + "/publish").session(this.leader).with(csrf()));
		assertThat(statusOf(report)).isEqualTo("PUBLISHED");
		this.mvc.perform(get("/reports/{id}", report)).andExpect(status().isOk());

		List<String> steps = this.jdbc.sql("select action || ' by ' || actor from report_event where report_id = :id order by id")
			.param("id", report).query(String.class).list();
		assertThat(steps).containsExactly("CREATE by se-staff", "SUBMIT by se-staff", "RETURN by se-leader",
				"SUBMIT by se-staff", "APPROVE by se-leader", "PUBLISH by se-leader");
	}

	@Test
	void aPublishedReportChangesOnlyThroughARevisionALeaderApprovesShownOnItsPublicPage() throws Exception {
		long report = createReport(2036);
		FigureGridForm opened = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, opened, Map.of("members", "435万")));
		String page = "/staff/reports/" + report;
		this.mvc.perform(post(page + "/submit").session(this.staff).with(csrf()));
		this.mvc.perform(post(page + "/approve").session(this.leader).with(csrf()));
		this.mvc.perform(post(page + "/publish").session(this.leader).with(csrf()));

		FigureGridForm published = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, published, Map.of("members", "436万")))
			.andExpect(content().string(containsString("已发布的报告只能通过修订更改")));
		assertThat(stored(report).get("members").value()).isEqualByComparingTo("4350000");

		// Issue 17, finding 6: the revision waits for a leader; until then the published figure stays public.
		this.mvc.perform(saveGrid(this.staff, report, published, Map.of("members", "436万"))
			.param("revisionReason", "统计口径更正")).andExpect(redirectedUrl(page));
		assertThat(stored(report).get("members").value()).isEqualByComparingTo("4350000");
		this.mvc.perform(get("/reports/{id}", report))
			.andExpect(content().string(not(containsString("436万人"))))
			.andExpect(content().string(not(containsString("统计口径更正"))));
		this.mvc.perform(post(page + "/revisions/1/approve").session(this.leader).with(csrf()))
			.andExpect(redirectedUrl(page));
		assertThat(stored(report).get("members").value()).isEqualByComparingTo("4360000");
		assertThat(statusOf(report)).isEqualTo("PUBLISHED");
		this.mvc.perform(get("/reports/{id}", report))
			.andExpect(content().string(containsString("修订记录")))
			.andExpect(content().string(containsString("统计口径更正")))
			.andExpect(content().string(containsString("435万人")))
			.andExpect(content().string(containsString("436万人")));
	}

	@Test
	void historyRecordsEachChangeOnceWithTheRightUser() throws Exception {
		long report = createReport(2037);
		FigureGridForm first = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, first, Map.of("members", "100", "aid_funds", "5万")));
		FigureGridForm second = openGrid(this.otherStaff, report);
		this.mvc.perform(saveGrid(this.otherStaff, report, second, Map.of("members", "120", "aid_funds", "5万")));
		FigureGridForm third = openGrid(this.staff, report);
		this.mvc.perform(saveGrid(this.staff, report, third, Map.of("members", "120")));

		List<String> changes = this.jdbc.sql("""
				select label || ' ' || field || ' ' || coalesce(old_text, '-') || ' > ' || coalesce(new_text, '-') || ' by ' || actor
				from report_change where report_id = :id and subject = 'FIGURE' order by id""")
			.param("id", report).query(String.class).list();
		assertThat(changes).containsExactlyInAnyOrder("工会会员数 added - > 100人 by se-staff",
				"帮扶资金 added - > 5万元 by se-staff", "工会会员数 value 100人 > 120人 by se-staff-2",
				"帮扶资金 removed 5万元 > - by se-staff");
		Long figure = this.jdbc.sql("select f.id from figure f join metric m on m.id = f.metric_id where f.report_id = :id and m.key = 'members'")
			.param("id", report).query(Long.class).single();
		this.mvc.perform(get("/staff/reports/{id}/history", report).param("figure", figure.toString()).session(this.leader))
			.andExpect(content().string(containsString("se-staff-2")))
			.andExpect(content().string(containsString("120人")))
			.andExpect(content().string(not(containsString("5万元"))));
	}

	@Test
	void staffRenameReorderAddAndRemoveSectionsWithTheirHistory() throws Exception {
		long report = createReport(2038);
		SectionEditor editor = openSectionEditor(report);
		List<SectionRow> rows = editor.rows();
		MockHttpServletRequestBuilder save = editor.save();
		// Second section first (renamed, with text), then the first; the third and later are dropped; one added.
		save.param("sections[0].id", rows.get(1).getId().toString()).param("sections[0].heading", "建功立业新篇章")
			.param("sections[0].narrative", "开展劳动竞赛1万余场。");
		save.param("sections[1].id", rows.get(0).getId().toString()).param("sections[1].heading", rows.get(0).getHeading())
			.param("sections[1].narrative", "");
		save.param("sections[2].heading", "新增一节").param("sections[2].narrative", "第一段。\n\n第二段。");
		this.mvc.perform(save).andExpect(redirectedUrl("/staff/reports/" + report + "/sections"));

		List<String> headings = this.jdbc.sql("select heading from section where report_id = :id order by position")
			.param("id", report).query(String.class).list();
		assertThat(headings).containsExactly("建功立业新篇章", "思想政治引领", "新增一节");
		List<String> changes = this.jdbc.sql("""
				select field || ':' || label from report_change where report_id = :id and subject = 'SECTION'
				and field <> 'added' or (report_id = :id and field = 'added' and label = '新增一节') order by id""")
			.param("id", report).query(String.class).list();
		assertThat(changes).contains("heading:建功立业新篇章", "narrative:建功立业新篇章", "position:建功立业新篇章",
				"position:思想政治引领", "removed:产业工人队伍建设改革", "added:新增一节");
	}

	@Test
	void aSectionWithoutAHeadingIsRefusedAtItsFieldAndNothingIsSaved() throws Exception {
		long report = createReport(2043);
		SectionEditor editor = openSectionEditor(report);
		List<SectionRow> rows = editor.rows();
		MockHttpServletRequestBuilder save = editor.save();
		for (int i = 0; i < rows.size(); i++) {
			save.param("sections[" + i + "].id", rows.get(i).getId().toString())
				.param("sections[" + i + "].heading", i == 1 ? " " : rows.get(i).getHeading())
				.param("sections[" + i + "].narrative", "第" + i + "节的文字。");
		}
		MvcResult refused = this.mvc.perform(save).andExpect(status().isOk()).andReturn();
		assertThat(refused.getModelAndView().getModel().get("org.springframework.validation.BindingResult.form"))
			.isInstanceOfSatisfying(BindingResult.class,
					result -> assertThat(result.getFieldErrors()).singleElement()
						.satisfies(error -> assertThat(error.getField()).isEqualTo("sections[1].heading")));
		assertThat(this.jdbc.sql("select count(*) from section where report_id = :id and narrative <> ''")
			.param("id", report).query(Integer.class).single()).isZero();
	}

	@Test
	void aFigureThatMovedThreefoldIsSavedWithAWarning() throws Exception {
		long previous = createReport(2040);
		this.mvc.perform(saveGrid(this.staff, previous, openGrid(this.staff, previous), Map.of("members", "1000")));
		long report = createReport(2041);
		this.mvc.perform(saveGrid(this.staff, report, openGrid(this.staff, report), Map.of("members", "5000")))
			.andExpect(redirectedUrl("/staff/reports/" + report + "/figures"))
			.andExpect(flash().attribute("warnings", org.hamcrest.Matchers.hasSize(1)));
		assertThat(stored(report).get("members").value()).isEqualByComparingTo("5000");
	}

	@Test
	void theDeskListsTheReportsInScopeWithWhatIsDueFirst() throws Exception {
		long report = createReport(2039);
		this.mvc.perform(post("/staff/reports/{id}/submit", report).session(this.staff).with(csrf()));
		this.mvc.perform(get("/staff").session(this.leader))
			.andExpect(content().string(containsString("西安市总工会2039年工作报告")))
			.andExpect(content().string(containsString("待处理")));
	}

	/** The section editor as staff open it: its rows, and a save of the version they saw, to be filled in. */
	private record SectionEditor(List<SectionRow> rows, MockHttpServletRequestBuilder save) {
	}

	private SectionEditor openSectionEditor(long report) throws Exception {
		MvcResult editor = this.mvc.perform(get("/staff/reports/{id}/sections", report).session(this.staff)).andReturn();
		SectionsForm form = (SectionsForm) editor.getModelAndView().getModel().get("form");
		return new SectionEditor(form.getSections(), post("/staff/reports/{id}/sections", report).session(this.staff)
			.with(csrf())
			.param("version", Long.toString(form.getVersion()))
			.param("lastChangeSeen", Long.toString(form.getLastChangeSeen()))
			.param("action", "save"));
	}

}
