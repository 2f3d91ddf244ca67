package org.unionreports.portal.dataimport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.unionreports.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The answer of {@code POST /api/reports/{id}/text}, read into what the scorers compare: the figures it stored
 * (held or claimed in a conflict, both are stored) and what it did not store, with the invariants every answer
 * keeps whatever the text (accepted = stored + not stored, each not-stored entry with its reason).
 */
record TextAnswer(JsonNode json, List<Stored> stored, List<NotStored> notStored) {

	/** A stored figure; {@code value} is null for a figure kept without a value. */
	record Stored(long id, int start, int end, String text, String numberText, BigDecimal value, String unit,
			String qualifier, boolean target, String period, String metricKey, String status) {

		boolean overlaps(int otherStart, int otherEnd) {
			return otherStart < this.end && this.start < otherEnd;
		}

		String describe() {
			return "「" + this.text + "」 [" + this.start + "," + this.end + ") "
					+ (this.value == null ? "—" : this.value.toPlainString()) + " " + this.unit + " " + this.qualifier
					+ (this.target ? " target " + this.period : "")
					+ (this.metricKey == null ? " long-tail" : " " + this.metricKey) + " " + this.status;
		}

	}

	record NotStored(int start, int end, String text, String reason) {
	}

	/** A fresh draft report as {@code staff}; the API refuses a second report for one region and period. */
	static long draft(MockMvc mvc, String staff, String regionCode, int periodStart, int periodEnd, String title)
			throws Exception {
		MvcResult created = mvc.perform(post("/api/reports").with(httpBasic(staff, TestUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"regionCode\":\"" + regionCode + "\",\"periodStart\":" + periodStart + ",\"periodEnd\":"
					+ periodEnd + ",\"title\":\"" + title + "\",\"source\":\"测试语料\"}"))
			.andReturn();
		assertThat(created.getResponse().getStatus())
			.as("a draft for " + regionCode + " " + periodStart + "-" + periodEnd + ": "
					+ created.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(201);
		return Long.parseLong(created.getResponse().getContentAsString().replaceAll("\\D", ""));
	}

	/** Posts the text as the endpoint takes it and reads the answer, checking its invariants. */
	static TextAnswer postText(MockMvc mvc, JsonMapper mapper, String staff, long report, String text) throws Exception {
		MvcResult result = send(mvc, staff, report, text);
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as("POST /api/reports/" + report + "/text: " + body)
			.isEqualTo(200);
		return read(mapper, text, body);
	}

	static MvcResult send(MockMvc mvc, String staff, long report, String text) throws Exception {
		return mvc.perform(post("/api/reports/{id}/text", report).with(httpBasic(staff, TestUsers.PASSWORD))
			.contentType("text/plain;charset=UTF-8")
			.content(text.getBytes(StandardCharsets.UTF_8))).andReturn();
	}

	/** Reads a 200 answer to {@code text}, checking the invariants every answer keeps. */
	static TextAnswer read(JsonMapper mapper, String text, String body) {
		JsonNode json = mapper.readTree(body);
		assertThat(json.path("dryRun").asBoolean(true)).as("a save is not a dry run").isFalse();
		List<Stored> stored = new ArrayList<>();
		for (JsonNode figure : json.path("figures")) {
			JsonNode value = figure.path("value");
			stored.add(new Stored(figure.path("id").asLong(), figure.path("start").asInt(-1),
					figure.path("end").asInt(-1), text(figure, "text"), text(figure, "numberText"),
					value.isNumber() ? value.decimalValue() : null, text(figure, "unit"), text(figure, "qualifier"),
					figure.path("target").asBoolean(false), text(figure, "period"), text(figure, "metricKey"),
					text(figure, "status")));
		}
		List<NotStored> notStored = new ArrayList<>();
		for (JsonNode entry : json.path("notStored")) {
			notStored.add(new NotStored(entry.path("start").asInt(-1), entry.path("end").asInt(-1), text(entry, "text"),
					text(entry, "reason")));
		}
		JsonNode counts = json.path("counts");
		assertThat(counts.path("proposed").isNumber()).as("counts.proposed in " + body).isTrue();
		int proposed = counts.path("proposed").asInt();
		int storedCount = counts.path("stored").asInt();
		int notStoredCount = counts.path("notStored").asInt();
		assertThat(proposed).as("accepted = stored + not stored").isEqualTo(storedCount + notStoredCount);
		assertThat(stored).as("the answer lists every figure it stored").hasSize(storedCount);
		assertThat(notStored).as("the answer lists every figure it did not store").hasSize(notStoredCount);
		for (NotStored entry : notStored) {
			assertThat(entry.reason()).as("why 「" + entry.text() + "」 was not stored").isNotBlank();
		}
		for (Stored figure : stored) {
			assertThat(figure.start()).as(figure.describe()).isBetween(0, text.length());
			assertThat(figure.end()).as(figure.describe()).isBetween(figure.start() + 1, text.length());
			assertThat(figure.status()).as(figure.describe()).isIn("stored", "conflict");
		}
		// A conflict names stored figures that claim its metric, at least two of them.
		for (JsonNode conflict : json.path("conflicts")) {
			List<Long> ids = new ArrayList<>();
			conflict.path("figureIds").forEach(id -> ids.add(id.asLong()));
			assertThat(ids).as("the figures of conflict " + conflict).hasSizeGreaterThanOrEqualTo(2);
			for (long id : ids) {
				assertThat(stored).as("figure " + id + " of conflict " + conflict + " is stored")
					.anySatisfy(figure -> {
						assertThat(figure.id()).isEqualTo(id);
						assertThat(figure.metricKey()).isEqualTo(text(conflict, "metricKey"));
					});
			}
		}
		return new TextAnswer(json, stored, notStored);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNull() || value.isMissingNode() ? null : value.asString();
	}

}
