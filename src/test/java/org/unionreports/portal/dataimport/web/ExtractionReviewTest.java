package org.unionreports.portal.dataimport.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff paste a report's text, review the proposed figures, correct one, drop one, and store the rest. */
@PortalTest
class ExtractionReviewTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	JsonMapper json;

	private static String seedText() throws IOException {
		try (InputStream in = new ClassPathResource("seeds/xinjiang-2018-2023.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void theApiProposesEveryFigureWithSpansIntoThePostedText() throws Exception {
		this.users.ensure("er-api", Role.STAFF, "650000");
		String text = seedText();
		String answer = this.mvc.perform(post("/api/extract").with(httpBasic("er-api", TestUsers.PASSWORD))
			.contentType("text/plain;charset=UTF-8").content(text.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode result = this.json.readTree(answer);
		assertThat(result.get("sections")).extracting(s -> s.get("heading").asString())
			.contains("職工思想政治引領取得新成效", "基層工會組織建設躍上新臺階");
		assertThat(result.get("figures")).hasSize(54);
		for (JsonNode figure : result.get("figures")) {
			int start = figure.get("start").asInt();
			int end = figure.get("end").asInt();
			// the quote is the span of the posted text without its pinyin noise, in the original's script
			String quote = text.substring(start, end).replaceAll("\\(?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\s*\\)", "");
			assertThat(figure.get("text").asString()).isEqualTo(quote).doesNotContain("(");
			assertThat(figure.get("target").isBoolean()).isTrue();
			assertThat(figure.has("period")).isTrue();
			assertThat(figure.get("mapping").asString()).isNotBlank();
		}
		JsonNode members = null;
		for (JsonNode figure : result.get("figures")) {
			if ("members".equals(figure.path("metricKey").asString(null))) {
				members = figure;
			}
		}
		assertThat(members).isNotNull();
		assertThat(members.get("value").decimalValue()).isEqualByComparingTo("4350000");
		assertThat(members.get("qualifier").asString()).isEqualTo("余");
		assertThat(members.get("unit").asString()).isEqualTo("人");
		assertThat(members.get("metricZh").asString()).isEqualTo("工会会员数");
	}

	@Test
	void staffReviewCorrectDropAndStoreTheProposals() throws Exception {
		this.users.ensure("er-staff", Role.STAFF, "650000");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", "er-staff")
			.param("password", TestUsers.PASSWORD));
		String created = this.mvc.perform(post("/staff/reports").session(session).with(csrf())
			.param("regionCode", "650000").param("periodStart", "2013").param("periodEnd", "2017")
			.param("title", "新疆工会五年工作（2013—2017）")).andReturn().getResponse().getRedirectedUrl();
		long report = Long.parseLong(created.substring("/staff/reports/".length()));

		MvcResult proposed = this.mvc.perform(post("/staff/reports/{id}/extract", report).session(session).with(csrf())
			.param("text", seedText()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("找到 54 项数据")))
			.andReturn();
		ExtractionForm form = (ExtractionForm) proposed.getModelAndView().getModel().get("form");

		MockHttpServletRequestBuilder accept = post("/staff/reports/{id}/extract/accept", report).session(session)
			.with(csrf()).param("importSections", "true").param("dropEmptySections", "true");
		List<ExtractionForm.Row> rows = form.getFigures();
		for (int i = 0; i < rows.size(); i++) {
			ExtractionForm.Row row = rows.get(i);
			String p = "figures[" + i + "].";
			boolean drop = i == 1;
			String value = i == 0 ? "10001" : row.getValue();
			Map.of(p + "start", String.valueOf(row.getStart()), p + "end", String.valueOf(row.getEnd()), p + "span",
					row.getSpan(), p + "context", row.getContext(), p + "numberText", row.getNumberText(), p + "value",
					value == null ? "" : value, p + "unit", row.getUnit(), p + "metricKey", row.getMetricKey(), p + "label",
					row.getLabel(), p + "section", row.getSection())
				.forEach(accept::param);
			accept.param(p + "missing", String.valueOf(row.isMissing()));
			if (!drop) {
				accept.param(p + "accept", "true");
			}
		}
		for (int i = 0; i < form.getSections().size(); i++) {
			accept.param("sections[" + i + "].heading", form.getSections().get(i).getHeading());
			accept.param("sections[" + i + "].narrative", form.getSections().get(i).getNarrative());
		}
		MvcResult accepted = this.mvc.perform(accept).andReturn();
		assertThat(accepted.getResponse().getRedirectedUrl())
			.as(() -> accepted.getModelAndView() == null ? "" : String.valueOf(accepted.getModelAndView().getModel()
				.get("org.springframework.validation.BindingResult.form")))
			.isEqualTo("/staff/reports/" + report);

		List<String> stored = this.jdbc.sql("""
				select f.source_text || '=' || coalesce(f.value::text, 'missing') from figure f where f.report_id = :id
				order by f.position""").param("id", report).query(String.class).list();
		assertThat(stored).as("one dropped; same metric or label twice keeps the later").hasSizeBetween(45, 53);
		// the context is quoted in the report's own script (traditional here), without its pinyin noise
		assertThat(stored.get(0)).contains("主題宣傳教育活動").doesNotContain("dòng").endsWith("=10001.0000");
		assertThat(stored).noneMatch(s -> s.contains("超1000萬人次"));
		List<String> headings = this.jdbc.sql("select heading from section where report_id = :id order by position")
			.param("id", report).query(String.class).list();
		assertThat(headings).contains("職工思想政治引領取得新成效").doesNotContain("建功立业");
		assertThat(this.jdbc.sql("select count(*) from figure where report_id = :id and section_id is null")
			.param("id", report).query(Integer.class).single()).isZero();
	}

}
