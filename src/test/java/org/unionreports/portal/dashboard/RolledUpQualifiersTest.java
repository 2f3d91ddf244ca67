package org.unionreports.portal.dashboard;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestFigures;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionLevel;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The qualifier algebra through the dashboard page, the region figures API and the region's CSV export: a
 * zone whose two grassroots unions report qualified figures for 2021, one metric a rule.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolledUpQualifiersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegionTree tree;

	@Autowired
	JdbcClient jdbc;

	Region zone;

	@BeforeAll
	void makeTheTree() {
		Region[] unions = new Region[2];
		Access.asSystem(() -> {
			Region parent = this.tree.find("653200").orElseThrow();
			this.zone = this.tree.addWithOwnCode(parent, "限定词测试区", "Qualifier zone", RegionLevel.ZONE);
			unions[0] = this.tree.addWithOwnCode(this.zone, "限定词甲工会", "Qualifier union A", RegionLevel.GRASSROOTS);
			unions[1] = this.tree.addWithOwnCode(this.zone, "限定词乙工会", "Qualifier union B", RegionLevel.GRASSROOTS);
			return null;
		});
		TestFigures figures = new TestFigures(this.jdbc);
		long a = figures.report(unions[0], 2021, 2021, "PUBLISHED");
		long b = figures.report(unions[1], 2021, 2021, "PUBLISHED");
		// one contributor: A alone reports its contract rate, 85%以上
		figures.figure(a, "collective_contract_rate", 85, "以上");
		// exact + 余: 1000 + 500余 members
		figures.figure(a, "members", 1000, "exact");
		figures.figure(b, "members", 500, "余");
		// 以上 + 余: 40场以上 + 50余场
		figures.figure(a, "education_events", 40, "以上");
		figures.figure(b, "education_events", 50, "余");
		// 近 + 余: 近10项 + 7余项
		figures.figure(a, "competitions_held", 10, "近");
		figures.figure(b, "competitions_held", 7, "余");
		// a weighted mean of a 余 rate and an exact one: (80 × 1000 + 90 × 500) / 1500 = 83.33, at least
		figures.figure(a, "member_real_name_rate", 80, "余");
		figures.figure(b, "member_real_name_rate", 90, "exact");
		// a range of rates: each end its own qualifier
		figures.figure(a, "collective_bargaining_rate", 80, "以上");
		figures.figure(b, "collective_bargaining_rate", 95, "exact");
	}

	@Test
	void theDashboardWritesEachRolledUpQualifierByItsRule() throws Exception {
		this.mvc.perform(get("/regions/{code}", this.zone.getCode()).param("period", "2021"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("85%以上")))
			.andExpect(content().string(containsString("1500余人")))
			.andExpect(content().string(containsString("90场以上")))
			.andExpect(content().string(containsString("约17项")))
			.andExpect(content().string(containsString("83.33%以上")))
			.andExpect(content().string(containsString("80%以上～95%")))
			.andExpect(content().string(not(containsString("余%"))));
	}

	@Test
	void inEnglishAtLeastStaysAtLeast() throws Exception {
		this.mvc.perform(get("/regions/{code}", this.zone.getCode()).param("period", "2021").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least 85%")))
			.andExpect(content().string(containsString("over 1,500 people")))
			.andExpect(content().string(containsString("at least 83.33%")))
			.andExpect(content().string(containsString("about 17")));
	}

	@Test
	void theApiGivesTheQualifierOfEachRule() throws Exception {
		this.mvc.perform(get("/api/regions/{code}/figures", this.zone.getCode()).param("period", "2021"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'collective_contract_rate')].qualifier").value("以上"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'collective_contract_rate')].value").value(85))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'members')].qualifier").value("余"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'members')].value").value(1500))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'education_events')].qualifier").value("以上"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'competitions_held')].qualifier").value("约"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'member_real_name_rate')].qualifier").value("以上"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'member_real_name_rate')].value").value(83.33))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'collective_bargaining_rate')].qualifier").value("以上"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'collective_bargaining_rate')].minQualifier").value("以上"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'collective_bargaining_rate')].maxQualifier").value("exact"));
	}

	@Test
	void theCsvExportCarriesTheQualifierAndItsWriting() throws Exception {
		byte[] body = this.mvc.perform(get("/regions/{code}/export.csv", this.zone.getCode()).param("period", "2021"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8);
		Map<String, CSVRecord> rows;
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.substring(1)))) {
			rows = parser.getRecords().stream().collect(Collectors.toMap(r -> r.get("metric_key"), r -> r));
		}
		assertThat(List.of(qualifierAndWriting(rows, "collective_contract_rate"), qualifierAndWriting(rows, "members"),
				qualifierAndWriting(rows, "education_events"), qualifierAndWriting(rows, "competitions_held"),
				qualifierAndWriting(rows, "member_real_name_rate"), qualifierAndWriting(rows, "collective_bargaining_rate")))
			.containsExactly("以上 85%以上", "余 1500余人", "以上 90场以上", "约 约17项", "以上 83.33%以上", "以上 80%以上～95%");
		assertThat(text).doesNotContain("余%");
	}

	private static String qualifierAndWriting(Map<String, CSVRecord> rows, String metric) {
		CSVRecord row = rows.get(metric);
		return row.get("qualifier") + " " + row.get("written");
	}

	@Test
	void theComparePageWritesTheSameQualifiers() throws Exception {
		this.mvc.perform(get("/regions/{code}/compare", this.zone.getCode()).param("with", "653200").param("period", "2021"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("85%以上")))
			.andExpect(content().string(containsString("1500余人")))
			.andExpect(content().string(containsString("约17项")))
			.andExpect(content().string(containsString("80%以上～95%")))
			.andExpect(content().string(not(containsString("余%"))));
	}

	@Test
	void theRegionPdfWritesTheSameQualifiers() throws Exception {
		byte[] pdf = this.mvc.perform(get("/regions/{code}/export.pdf", this.zone.getCode()).param("period", "2021"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("85%以上", "1500余人", "90场以上", "约17项", "83.33%以上").doesNotContain("余%");
		}
	}

	@Test
	void xiansAtLeastStaysAtLeastOnTheProvinceAndNationalDashboards() throws Exception {
		for (String code : List.of("610000", "000000")) {
			this.mvc.perform(get("/regions/{code}", code).param("period", "2018-2022"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("85%以上")))
				.andExpect(content().string(not(containsString("85余%"))));
		}
		this.mvc.perform(get("/api/regions/610000/figures").param("period", "2018-2022"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'collective_bargaining_rate')].qualifier").value("以上"));
	}

}
