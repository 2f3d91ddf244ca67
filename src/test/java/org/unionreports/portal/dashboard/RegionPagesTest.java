package org.unionreports.portal.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class RegionPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void homeFindsARegionByNameAndListsTheLatestReports() throws Exception {
		// Other tests publish reports too: the latest one is whichever was published last.
		String latest = this.jdbc.sql("select title from report where status = 'PUBLISHED' order by published_at desc, id desc limit 1")
			.query(String.class)
			.single();
		this.mvc.perform(get("/").param("q", "西安"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/regions/610100")))
			.andExpect(content().string(containsString(latest)));
	}

	@Test
	void homeFindsARegionByCode() throws Exception {
		this.mvc.perform(get("/").param("q", "321171"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("镇江新区")));
	}

	@Test
	void aProvincePageRanksItsCitiesWithTheirFigures() throws Exception {
		this.mvc.perform(get("/regions/610000").param("period", "2018-2022"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("陕西省")))
			.andExpect(content().string(containsString("/regions/610100")))
			.andExpect(content().string(containsString("226.09万人")));
	}

	@Test
	void anUnknownRegionIsNotFound() throws Exception {
		this.mvc.perform(get("/regions/999999")).andExpect(status().isNotFound());
	}

	@Test
	void regionApiGivesTheRegionItsParentChildrenAndReports() throws Exception {
		this.mvc.perform(get("/api/regions/610100"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nameZh").value("西安市"))
			.andExpect(jsonPath("$.parent.code").value("610000"))
			.andExpect(jsonPath("$.children[?(@.code == '610116')].nameZh").value("长安区"))
			.andExpect(jsonPath("$.reports[?(@.periodStart == 2018 && @.periodEnd == 2022)].status").value("PUBLISHED"))
			.andExpect(jsonPath("$.reports[?(@.status != 'PUBLISHED')]", hasSize(0)));
	}

	@Test
	void regionApiListsTheCountryAndItsProvinces() throws Exception {
		this.mvc.perform(get("/api/regions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(32)))
			.andExpect(jsonPath("$[0].code").value("000000"));
	}

	@Test
	void healthIsUp() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

}
