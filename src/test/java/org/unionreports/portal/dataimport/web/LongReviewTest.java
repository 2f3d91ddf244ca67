package org.unionreports.portal.dataimport.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A review of 500 figures is stored whole, sent as one JSON body (as the page's script does) or as a plain
 * form post of 10,000 fields; one bad row stores nothing and is named; a text over the limit is answered 413
 * with the text kept.
 */
@PortalTest
class LongReviewTest {

	static final String STAFF = "lr-staff";

	/** A year of its own for each test's report: one report per region and period. */
	static final AtomicInteger YEARS = new AtomicInteger(1950);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.context.MessageSource messages;

	MockHttpSession session;

	long report;

	@BeforeEach
	void draft() throws Exception {
		this.users.ensure(STAFF, Role.STAFF, "610100");
		this.session = new MockHttpSession();
		this.mvc.perform(post("/login").session(this.session).with(csrf()).param("username", STAFF)
			.param("password", TestUsers.PASSWORD));
		int year = YEARS.incrementAndGet();
		String created = this.mvc.perform(post("/staff/reports").session(this.session).with(csrf())
			.param("regionCode", "610100").param("periodStart", String.valueOf(year))
			.param("title", "西安市工会长报告 " + System.nanoTime())).andReturn().getResponse().getRedirectedUrl();
		this.report = Long.parseLong(created.substring("/staff/reports/".length()));
	}

	/** 500 rows as the review holds them: distinct long-tail figures, the first one dropped. */
	private static Map<String, Object> review(int rows) {
		List<Map<String, Object>> figures = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("accept", i != 0);
			row.put("section", "");
			row.put("start", i * 20);
			row.put("end", i * 20 + 3);
			row.put("span", (i + 10) + "期");
			row.put("context", "举办第" + i + "类培训班" + (i + 10) + "期。");
			row.put("numberText", String.valueOf(i + 10));
			row.put("value", String.valueOf(i + 10));
			row.put("missing", false);
			row.put("unit", "期");
			row.put("metricKey", "");
			row.put("label", "第" + i + "类培训班");
			row.put("target", false);
			row.put("period", "");
			row.put("note", "");
			figures.add(row);
		}
		Map<String, Object> review = new LinkedHashMap<>();
		review.put("importSections", false);
		review.put("dropEmptySections", false);
		review.put("figures", figures);
		review.put("sections", List.of());
		return review;
	}

	private long stored() {
		return this.jdbc.sql("select count(*) from figure where report_id = ?").param(this.report).query(Long.class).single();
	}

	@Test
	void aReviewOf500FiguresSentAsJsonIsStoredWhole() throws Exception {
		this.mvc.perform(post("/staff/reports/{id}/extract/accept.json", this.report).session(this.session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(review(500))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.redirect").value("/staff/reports/" + this.report))
			.andExpect(flash().attribute("message", "extract.done"));
		assertThat(stored()).as("499 accepted, one dropped").isEqualTo(499);
		this.mvc.perform(get("/staff/reports/{id}", this.report).session(this.session))
			.andExpect(status().isOk());
	}

	@Test
	void oneBadRowOf500StoresNothingAndIsNamedInTheUsersLanguage() throws Exception {
		Map<String, Object> review = review(500);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> figures = (List<Map<String, Object>>) review.get("figures");
		figures.get(321).put("value", "abc");
		figures.get(400).put("period", "明年");
		MvcResult refused = this.mvc.perform(post("/staff/reports/{id}/extract/accept.json", this.report)
			.session(this.session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(review)))
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		JsonNode answer = this.json.readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(answer.get("errors")).hasSize(2);
		assertThat(answer.get("errors").get(0).get("row").asInt()).isEqualTo(321);
		assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("value");
		assertThat(answer.get("errors").get(0).get("message").asString()).containsPattern("\\p{IsHan}");
		assertThat(answer.get("errors").get(1).get("row").asInt()).isEqualTo(400);
		assertThat(answer.get("errors").get(1).get("field").asString()).isEqualTo("period");
		assertThat(answer.get("errors").get(1).get("message").asString()).contains("明年", "2018-2022");
		assertThat(answer.get("summary").asString()).contains("2");
		assertThat(stored()).as("nothing stored while a row is wrong").isZero();

		MvcResult english = this.mvc.perform(post("/staff/reports/{id}/extract/accept.json", this.report)
			.session(this.session).with(csrf()).contentType(MediaType.APPLICATION_JSON).param("lang", "en")
			.content(this.json.writeValueAsString(review)))
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		assertThat(this.json.readTree(english.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.get("errors").get(1).get("message").asString()).startsWith("\"明年\" is not a period");
	}

	@Test
	void twoFiguresOfOneMetricAreBothStoredTheChosenOneHoldsItAndTheWorkspaceSaysSo() throws Exception {
		Map<String, Object> review = review(3);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> figures = (List<Map<String, Object>>) review.get("figures");
		figures.get(0).put("accept", true);
		for (int i = 0; i < 2; i++) {
			figures.get(i).put("metricKey", "members");
			figures.get(i).put("unit", "人");
		}
		figures.get(0).put("label", "工会会员");
		figures.get(0).put("value", "4.2万");
		figures.get(1).put("label", "新发展会员");
		figures.get(1).put("value", "5000");
		review.put("holds", Map.of("members||", 0));
		MvcResult stored = this.mvc.perform(post("/staff/reports/{id}/extract/accept.json", this.report)
			.session(this.session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(review)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored.accepted").value(3))
			.andExpect(jsonPath("$.stored.stored").value(3))
			.andExpect(flash().attribute("extractStored", 3))
			.andReturn();
		assertThat(stored()).isEqualTo(3);
		assertThat(this.jdbc.sql("""
				select f.value from figure f join metric m on m.id = f.metric_id
				where f.report_id = ? and m.key = 'members'""").param(this.report).query(Double.class).list())
			.as("the chosen figure holds the metric").containsExactly(42000.0);
		assertThat(this.jdbc.sql("""
				select count(*) from figure f join metric m on m.id = f.claimed_metric_id
				where f.report_id = ? and m.key = 'members'""").param(this.report).query(Long.class).single())
			.as("the other claims it").isEqualTo(1);
		this.mvc.perform(get("/staff/reports/{id}", this.report).session(this.session)
			.flashAttrs(stored.getFlashMap()))
			.andExpect(content().string(containsString("采用了 3 项数据，保存了 3 项。")));
	}

	@Test
	void theReviewShowsEachProposalsTargetFlagPeriodAndMappingReason() throws Exception {
		MvcResult proposed = this.mvc.perform(post("/staff/reports/{id}/extract", this.report).session(this.session)
			.with(csrf()).param("text", "全市工会会员总数达到4.2万人。力争到2027年会员总数突破5万人。"))
			.andExpect(status().isOk())
			.andReturn();
		ExtractionForm form = (ExtractionForm) proposed.getModelAndView().getModel().get("form");
		assertThat(form.getFigures()).hasSize(2);
		ExtractionForm.Row achieved = form.getFigures().get(0);
		ExtractionForm.Row target = form.getFigures().get(1);
		assertThat(achieved.isTarget()).isFalse();
		assertThat(target.isTarget()).isTrue();
		assertThat(target.getPeriod()).isEqualTo("2027");
		assertThat(achieved.getReasonKey()).isNotNull();
		String page = proposed.getResponse().getContentAsString(StandardCharsets.UTF_8);
		String reason = this.messages.getMessage(achieved.getReasonKey(), achieved.getReasonArgs().toArray(),
				java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(page).contains("name=\"figures[1].target\"").contains("value=\"2027\"")
			.contains(reason.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;"));
		assertThat(page).as("the target row's box is ticked")
			.containsPattern("name=\"figures\\[1]\\.target\" value=\"true\" checked")
			.doesNotContainPattern("name=\"figures\\[0]\\.target\" value=\"true\" checked");
	}

	@Test
	void aPlainFormPostOf500RowsIsStoredToo() throws Exception {
		StringJoiner body = new StringJoiner("&");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> figures = (List<Map<String, Object>>) review(500).get("figures");
		for (int i = 0; i < figures.size(); i++) {
			String prefix = "figures[" + i + "].";
			figures.get(i).forEach((name, value) -> {
				if (!name.equals("accept") || Boolean.TRUE.equals(value)) {
					body.add(URLEncoder.encode(prefix + name, StandardCharsets.UTF_8) + "="
							+ URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
				}
			});
		}
		body.add("importSections=false");
		this.mvc.perform(post("/staff/reports/{id}/extract/accept", this.report).session(this.session).with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body.toString()))
			.andExpect(redirectedUrl("/staff/reports/" + this.report));
		assertThat(stored()).isEqualTo(499);
	}

	@Test
	void aTextOverTheLimitIsAnswered413WithTheTextKept() throws Exception {
		String sentence = "举办培训班12期，培训职工3400人次。";
		StringBuilder text = new StringBuilder("开头的标记ABC123\n");
		while (text.length() < 7 * 1024 * 1024 / 3) {
			text.append(sentence);
		}
		this.mvc.perform(post("/staff/reports/{id}/extract", this.report).session(this.session).with(csrf())
			.param("text", text.toString()))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().string(containsString("文本超过了每次最多 2 MB 的限制")))
			.andExpect(content().string(containsString("The text is larger than the limit of 2 MB")))
			.andExpect(content().string(containsString("开头的标记ABC123")));
		this.mvc.perform(post("/staff/reports/{id}/extract", this.report).session(this.session).with(csrf())
			.param("text", text.toString()).param("lang", "en"))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().string(containsString("The text is larger than the limit of 2 MB")));
		assertThat(stored()).isZero();
	}

}
