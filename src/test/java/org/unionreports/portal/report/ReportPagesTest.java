package org.unionreports.portal.report;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class ReportPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private long reportOf(String regionCode) {
		// The demo report of the region (other tests add reports of other years to the shared database).
		return this.jdbc.sql("""
				select r.id from report r join region g on g.id = r.region_id
				where g.code = ? and r.status = 'PUBLISHED' and r.period_start >= 2018 and r.period_end <= 2022""")
			.param(regionCode)
			.query(Long.class)
			.single();
	}

	@Test
	void xinjiangReportShowsFiguresAsTheReportWritesThem() throws Exception {
		this.mvc.perform(get("/reports/{id}", reportOf("650000")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("46.73万户次")))
			.andExpect(content().string(containsString("435万余人")))
			.andExpect(content().string(containsString("職工思想政治引領取得新成效")))
			.andExpect(content().string(not(containsString("(lǐng)"))));
	}

	@Test
	void xianReportShowsItsMembers() throws Exception {
		this.mvc.perform(get("/reports/{id}", reportOf("610100")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("226.09万人")));
	}

	@Test
	void reportPageSpeaksEnglishWhenAsked() throws Exception {
		this.mvc.perform(get("/reports/{id}", reportOf("650000")).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("467,300 household-times")))
			.andExpect(content().string(containsString("Xinjiang Uygur Autonomous Region")));
	}

	@Test
	void anUnknownReportIsNotFound() throws Exception {
		this.mvc.perform(get("/reports/{id}", 999999)).andExpect(status().isNotFound());
	}

	@Test
	void reportApiGivesSectionsAndFiguresWithTheirText() throws Exception {
		this.mvc.perform(get("/api/reports/{id}", reportOf("650000")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("650000"))
			.andExpect(jsonPath("$.periodStart").value(2018))
			.andExpect(jsonPath("$.figures", hasSize(54)))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'members')].value").value(4350000))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'members')].qualifier").value("余"))
			.andExpect(jsonPath("$.figures[?(@.metricKey == 'members')].text").value("工會(huì )會(huì )員435萬(wàn)余人"))
			.andExpect(jsonPath("$.sections[1].heading").value("職工思想政治引領取得新成效"));
	}

}
