package org.unionreports.portal.report.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.newDraft;
import static org.unionreports.portal.MockMvcSteps.signedIn;

/**
 * Issue 17, finding 6: the figures of a published report change only when a leader in scope approves the
 * revision. Until then the published figures stay public; after it the public page shows the revision, old
 * and new, with its reason. Through the real filter chain, with real users.
 */
@PortalTest
class RevisionApprovalTest {

	private static final String STAFF = "rv-staff";

	private static final String LEADER = "rv-leader";

	private static final String OTHER_LEADER = "rv-xinjiang-leader";

	private static final String CSV = "metric_zh,unit,value\n工会会员数,人,435万\n帮扶资金,元,2.06亿\n";

	private static final String REVISED = "metric_zh,unit,value\n工会会员数,人,436万\n";

	private static int nextYear = 2071;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void users() {
		this.users.ensure(STAFF, Role.STAFF, "610100");
		this.users.ensure(LEADER, Role.LEADER, "610000");
		this.users.ensure(OTHER_LEADER, Role.LEADER, "650000");
	}

	private static RequestPostProcessor as(String username) {
		return httpBasic(username, TestUsers.PASSWORD);
	}

	/** A report of 西安市 for a year no other test uses, with its figures, published. */
	private long published() throws Exception {
		long id = newDraft(this.mvc, STAFF, "610100", nextYear++, "修订测试");
		this.mvc.perform(importCsv(id, CSV)).andExpect(status().isOk());
		this.mvc.perform(post("/api/reports/{id}/submit", id).with(as(STAFF))).andExpect(status().isOk());
		this.mvc.perform(post("/api/reports/{id}/approve", id).with(as(LEADER))).andExpect(status().isOk());
		this.mvc.perform(post("/api/reports/{id}/publish", id).with(as(LEADER))).andExpect(status().isOk());
		return id;
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder importCsv(long id, String csv) {
		return post("/api/reports/{id}/figures/import", id).with(as(STAFF))
			.contentType("text/csv")
			.content(csv.getBytes(StandardCharsets.UTF_8));
	}

	/** The value of a catalogue metric as the public API shows it, to anonymous visitors. */
	private BigDecimal publicValue(long id, String metricKey) throws Exception {
		String body = this.mvc.perform(get("/api/reports/{id}", id)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		for (JsonNode figure : this.json.readTree(body).get("figures")) {
			if (metricKey.equals(figure.path("metricKey").asString(null))) {
				return figure.get("value").decimalValue();
			}
		}
		return null;
	}

	private String revisionStatus(long id, int number) {
		return this.jdbc.sql("select status from report_revision where report_id = :id and number = :n")
			.param("id", id)
			.param("n", number)
			.query(String.class)
			.single();
	}

	@Test
	void anImportIntoAPublishedReportWaitsForALeaderAndThenShowsAsARevision() throws Exception {
		long id = published();
		this.mvc.perform(importCsv(id, REVISED).param("reason", "统计口径更正"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/reports/" + id + "/revisions/1"))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.changes[0].oldText").value("435万人"))
			.andExpect(jsonPath("$.changes[0].newText").value("436万人"));

		// Nothing public changed: the API, the page and the revisions listed there.
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");
		this.mvc.perform(get("/reports/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("436万人"))))
			.andExpect(content().string(not(containsString("统计口径更正"))));
		this.mvc.perform(get("/api/reports/{id}/revisions/1", id)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/reports/{id}/revisions/1", id).with(as(STAFF)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.reason").value("统计口径更正"))
			.andExpect(jsonPath("$.proposedBy").value(STAFF));

		// The author sees what waits; the leader sees it in the queue.
		this.mvc.perform(get("/staff/reports/{id}", id).session(signedIn(this.mvc, STAFF)))
			.andExpect(content().string(containsString("id=\"revision-1\"")))
			.andExpect(content().string(containsString("待审核")))
			.andExpect(content().string(containsString("统计口径更正")))
			.andExpect(content().string(containsString("436万人")))
			.andExpect(content().string(not(containsString("审核通过修订"))));
		MockHttpSession leader = signedIn(this.mvc, LEADER);
		this.mvc.perform(get("/staff").session(leader))
			.andExpect(content().string(containsString("id=\"revision-queue\"")))
			.andExpect(content().string(containsString("/staff/reports/" + id + "#revision-1")));
		this.mvc.perform(get("/staff/reports/{id}", id).session(leader))
			.andExpect(content().string(containsString("/staff/reports/" + id + "/revisions/1/approve")));

		this.mvc.perform(post("/api/reports/{id}/revisions/1/approve", id).with(as(LEADER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("approved"))
			.andExpect(jsonPath("$.decidedBy").value(LEADER));
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4360000");
		assertThat(publicValue(id, "aid_funds")).isEqualByComparingTo("206000000");
		this.mvc.perform(get("/reports/{id}", id))
			.andExpect(content().string(containsString("修订记录")))
			.andExpect(content().string(containsString("原因：统计口径更正")))
			.andExpect(content().string(containsString("435万人")))
			.andExpect(content().string(containsString("436万人")));
		this.mvc.perform(get("/staff").session(leader))
			.andExpect(content().string(not(containsString("/staff/reports/" + id + "#revision-1"))));

		// Decided once: deciding again is a conflict.
		this.mvc.perform(post("/api/reports/{id}/revisions/1/approve", id).with(as(LEADER)))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/reports/{id}/revisions/1/return", id).with(as(LEADER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"晚了\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void aReturnedRevisionChangesNothingAndItsAuthorSeesWhy() throws Exception {
		long id = published();
		this.mvc.perform(importCsv(id, REVISED).param("reason", "统计口径更正")).andExpect(status().isAccepted());
		this.mvc.perform(post("/api/reports/{id}/revisions/1/return", id).with(as(LEADER))
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("comment"));
		this.mvc.perform(post("/api/reports/{id}/revisions/1/return", id).with(as(LEADER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"请附上统计局的更正文件\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("returned"));

		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");
		this.mvc.perform(get("/reports/{id}", id)).andExpect(content().string(not(containsString("436万人"))));
		this.mvc.perform(get("/staff/reports/{id}", id).session(signedIn(this.mvc, STAFF)))
			.andExpect(content().string(containsString("已退回")))
			.andExpect(content().string(containsString("请附上统计局的更正文件")));
		this.mvc.perform(post("/api/reports/{id}/revisions/1/approve", id).with(as(LEADER)))
			.andExpect(status().isConflict());
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");

		// Once decided, a new revision can be proposed.
		this.mvc.perform(importCsv(id, REVISED).param("reason", "附统计局更正文件")).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.revision").value(2));
	}

	@Test
	void onlyALeaderInScopeDecidesARevision() throws Exception {
		long id = published();
		this.mvc.perform(importCsv(id, REVISED).param("reason", "统计口径更正")).andExpect(status().isAccepted());
		this.mvc.perform(post("/api/reports/{id}/revisions/1/approve", id).with(as(STAFF)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/reports/{id}/revisions/1/approve", id).with(as(OTHER_LEADER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/reports/{id}/revisions/1/return", id).with(as(STAFF))
			.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"自己退回\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/reports/{id}/revisions/1/return", id).with(as(OTHER_LEADER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"别的地区\"}"))
			.andExpect(status().isForbidden());
		MockHttpSession staff = signedIn(this.mvc, STAFF);
		this.mvc.perform(post("/staff/reports/{id}/revisions/1/approve", id).session(staff).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/staff").session(signedIn(this.mvc, OTHER_LEADER)))
			.andExpect(content().string(not(containsString("/staff/reports/" + id + "#revision-1"))));
		assertThat(revisionStatus(id, 1)).isEqualTo("PENDING");
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");
	}

	@Test
	void aFigureWriteOnAPublishedReportNeedsItsReason() throws Exception {
		long id = published();
		this.mvc.perform(importCsv(id, REVISED))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("reason"))
			.andExpect(jsonPath("$.errors[0].column").value("reason"));
		this.mvc.perform(multipart("/api/reports/{id}/figures/import", id)
			.file("file", REVISED.getBytes(StandardCharsets.UTF_8)).param("reason", " ").with(as(STAFF)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("reason"));
		assertThat(this.jdbc.sql("select count(*) from report_revision where report_id = :id").param("id", id)
			.query(Integer.class).single()).isZero();
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");
	}

	@Test
	void aDryRunOnAPublishedReportSaysWhatTheRevisionWouldStoreAndKeepsNothing() throws Exception {
		long id = published();
		this.mvc.perform(importCsv(id, REVISED).param("dryRun", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(false))
			.andExpect(jsonPath("$.figures[0].change").value("changed"));
		assertThat(this.jdbc.sql("select count(*) from report_revision where report_id = :id").param("id", id)
			.query(Integer.class).single()).isZero();
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");
	}

	@Test
	void oneRevisionWaitsAtATime() throws Exception {
		long id = published();
		this.mvc.perform(importCsv(id, REVISED).param("reason", "统计口径更正")).andExpect(status().isAccepted());
		this.mvc.perform(importCsv(id, "metric_zh,unit,value\n工会会员数,人,437万\n").param("reason", "再改一次"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.revision").value(1));
		this.mvc.perform(post("/api/reports/{id}/revisions/1/approve", id).with(as(LEADER))).andExpect(status().isOk());
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4360000");
	}

	@Test
	void theFigureFormOnAPublishedReportProposesARevisionToo() throws Exception {
		long id = published();
		MockHttpSession staff = signedIn(this.mvc, STAFF);
		var grid = this.mvc.perform(get("/staff/reports/{id}/figures", id).session(staff)).andExpect(status().isOk())
			.andReturn();
		FigureGridForm form = (FigureGridForm) grid.getModelAndView().getModel().get("form");
		var request = post("/staff/reports/{id}/figures", id).session(staff).with(csrf())
			.param("version", Long.toString(form.getVersion()))
			.param("lastChangeSeen", Long.toString(form.getLastChangeSeen()))
			.param("openedKnown", Boolean.toString(form.isOpenedKnown()));
		form.getOpenedCells().forEach((key, value) -> request.param("openedCells[" + key + "]", value));
		form.getOpenedUnits().forEach((key, value) -> request.param("openedUnits[" + key + "]", value));
		request.param("cells[members]", "440万").param("cells[aid_funds]", "2.06亿").param("revisionReason", "年报复核");
		this.mvc.perform(request).andExpect(redirectedUrl("/staff/reports/" + id));
		assertThat(revisionStatus(id, 1)).isEqualTo("PENDING");
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");

		MockHttpSession leader = signedIn(this.mvc, LEADER);
		this.mvc.perform(post("/staff/reports/{id}/revisions/1/approve", id).session(leader).with(csrf()))
			.andExpect(redirectedUrl("/staff/reports/" + id));
		assertThat(revisionStatus(id, 1)).isEqualTo("APPROVED");
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4400000");
		this.mvc.perform(get("/reports/{id}", id)).andExpect(content().string(containsString("原因：年报复核")));
	}

	@Test
	void theSectionsOfAPublishedReportChangeOnlyWhenALeaderApprovesToo() throws Exception {
		long id = published();
		MockHttpSession staff = signedIn(this.mvc, STAFF);
		var editor = this.mvc.perform(get("/staff/reports/{id}/sections", id).session(staff)).andExpect(status().isOk())
			.andReturn();
		SectionsForm form = (SectionsForm) editor.getModelAndView().getModel().get("form");
		var save = post("/staff/reports/{id}/sections", id).session(staff).with(csrf())
			.param("version", Long.toString(form.getVersion()))
			.param("lastChangeSeen", Long.toString(form.getLastChangeSeen()))
			.param("sections[0].heading", "思想政治引领")
			.param("sections[0].narrative", "全年开展职工宣讲一千二百场。");
		this.mvc.perform(save).andExpect(status().isOk())
			.andExpect(content().string(containsString("已发布的报告只能通过修订更改")));
		this.mvc.perform(save.param("revisionReason", "补上漏登的章节")).andExpect(redirectedUrl("/staff/reports/" + id));
		assertThat(revisionStatus(id, 1)).isEqualTo("PENDING");
		this.mvc.perform(get("/reports/{id}", id))
			.andExpect(content().string(not(containsString("全年开展职工宣讲一千二百场。"))));
		this.mvc.perform(get("/staff/reports/{id}", id).session(staff))
			.andExpect(content().string(containsString("补上漏登的章节")))
			.andExpect(content().string(containsString("思想政治引领")));

		this.mvc.perform(post("/api/reports/{id}/revisions/1/approve", id).with(as(LEADER))).andExpect(status().isOk());
		this.mvc.perform(get("/reports/{id}", id))
			.andExpect(content().string(containsString("全年开展职工宣讲一千二百场。")))
			.andExpect(content().string(containsString("原因：补上漏登的章节")));
		assertThat(publicValue(id, "members")).isEqualByComparingTo("4350000");
	}

	@Test
	void aDraftStillTakesItsFiguresAtOnce() throws Exception {
		long id = newDraft(this.mvc, STAFF, "610100", nextYear++, "修订测试");
		this.mvc.perform(importCsv(id, CSV)).andExpect(status().isOk()).andExpect(jsonPath("$.written").value(true));
		this.mvc.perform(importCsv(id, REVISED)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from report_revision where report_id = :id").param("id", id)
			.query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				select f.value from figure f join metric m on m.id = f.metric_id where f.report_id = :id and m.key = 'members'""")
			.param("id", id).query(BigDecimal.class).single()).isEqualByComparingTo("4360000");
	}

}
