package org.unionreports.portal.dataimport.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionreports.portal.MockMvcSteps.newDraft;

/** Importing figure files through the API and the browser: all or nothing, idempotent, any encoding. */
@PortalTest
class FigureImportTest {

	private static final String STAFF = "fi-staff";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	private static int nextYear = 1960;

	@BeforeEach
	void users() {
		this.users.ensure(STAFF, Role.STAFF, "610000");
	}

	private static byte[] seed(String name) throws IOException {
		try (InputStream in = new ClassPathResource("seeds/" + name + ".figures.csv").getInputStream()) {
			return in.readAllBytes();
		}
	}

	private int figures(long report) {
		return this.jdbc.sql("select count(*) from figure where report_id = :id").param("id", report).query(Integer.class).single();
	}

	private String state(long report) {
		return this.jdbc.sql("""
				select coalesce(string_agg(id || ':' || coalesce(value::text, '-') || qualifier || unit || version, ',' order by id), '')
				from figure where report_id = :id""").param("id", report).query(String.class).single();
	}

	@ParameterizedTest(name = "{0} imports as it is through the API with all its {1} rows")
	@CsvSource({ "xinjiang-2018-2023, 54", "zhenjiang-xinqu-2022, 26", "xian-2018-2023, 55" })
	void eachSeedImportsThroughTheApi(String seed, int rows) throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(seed(seed)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(rows))
			.andExpect(jsonPath("$.rejected").value(0))
			.andExpect(jsonPath("$.errors").isEmpty());
		assertThat(figures(report)).isEqualTo(rows);
	}

	@ParameterizedTest(name = "{0} imports through the browser upload with all its {1} rows")
	@CsvSource({ "xinjiang-2018-2023, 54", "zhenjiang-xinqu-2022, 26", "xian-2018-2023, 55" })
	void eachSeedImportsThroughTheBrowser(String seed, int rows) throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", STAFF)
			.param("password", TestUsers.PASSWORD));
		this.mvc.perform(multipart("/staff/reports/{id}/import", report).file(new MockMultipartFile("file",
				seed + ".figures.csv", "text/csv", seed(seed))).param("encoding", "auto").session(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("检查通过：" + rows + " 行数据可以导入")));
		assertThat(figures(report)).as("the dry run writes nothing").isZero();
		// The file waits in its own table; the session, read on every request, holds only its id.
		assertThat(this.jdbc.sql("select length(bytes) from pending_upload where report_id = ?")
			.param(report)
			.query(Integer.class)
			.single()).isEqualTo(seed(seed).length);
		assertThat(this.jdbc.sql("select max(length(attribute_bytes)) from spring_session_attributes")
			.query(Integer.class)
			.single()).isLessThan(seed(seed).length);
		this.mvc.perform(post("/staff/reports/{id}/import/confirm", report).session(session).with(csrf()))
			.andExpect(redirectedUrl("/staff/reports/" + report));
		assertThat(figures(report)).isEqualTo(rows);
		assertThat(this.jdbc.sql("select count(*) from pending_upload where report_id = ?").param(report).query(Long.class).single())
			.isZero();
	}

	@Test
	void aDryRunWritesNothing() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).param("dryRun", "true")
			.with(httpBasic(STAFF, TestUsers.PASSWORD)).contentType("text/csv").content(seed("xian-2018-2023")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(55))
			.andExpect(jsonPath("$.written").value(false));
		assertThat(figures(report)).isZero();
	}

	@Test
	void oneBadRowAndNothingIsWrittenWithThatRowReported() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		String file = new String(seed("zhenjiang-xinqu-2022"), StandardCharsets.UTF_8)
			.replace("8.9万,89000,元", "8.9万,8.9.000,元");
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.accepted").value(25))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(21))
			.andExpect(jsonPath("$.errors[0].column").value("value"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("two decimal points")));
		assertThat(figures(report)).isZero();
	}

	@Test
	void importingTheSameFileTwiceChangesNothing() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		for (int time = 0; time < 2; time++) {
			this.mvc.perform(post("/api/reports/{id}/figures/import", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
				.contentType("text/csv").content(seed("xinjiang-2018-2023"))).andExpect(status().isOk());
		}
		String once = state(report);
		int changes = this.jdbc.sql("select count(*) from report_change where report_id = :id").param("id", report)
			.query(Integer.class).single();
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(seed("xinjiang-2018-2023"))).andExpect(status().isOk());
		assertThat(figures(report)).isEqualTo(54);
		assertThat(state(report).replaceAll("\\d+(?=,|$)", "")).isEqualTo(once.replaceAll("\\d+(?=,|$)", ""));
		assertThat(this.jdbc.sql("select count(*) from report_change where report_id = :id").param("id", report)
			.query(Integer.class).single()).as("no change is recorded").isEqualTo(changes);
	}

	@Test
	void aReimportAfterCorrectionsReplacesWhatItNames() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(seed("xian-2018-2023")));
		byte[] corrected = "metric_zh,unit,value,period\n工会会员数,人,226.1万,2018-2022\n".getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(corrected)).andExpect(status().isOk());
		assertThat(figures(report)).isEqualTo(55);
		assertThat(this.jdbc.sql("select f.value from figure f join metric m on m.id = f.metric_id where f.report_id = :id and m.key = 'members'")
			.param("id", report).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("2261000");
	}

	@Test
	void aFileThatGivesOneFigureTwiceKeepsBothValuesAndStoresAWordForWordRepeatOnce() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		byte[] file = ("metric_zh,unit,value\n工会会员数,人,100\n帮扶资金,元,5万\n工会会员数,人,120\n帮扶资金,元,5万\n")
			.getBytes(StandardCharsets.UTF_8);
		// Two values of one figure are two facts the file states: neither replaces the other, and which one is
		// the report's members is left for a person (a conflict). The second 5万 of 帮扶资金 says it again.
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(file))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(4))
			.andExpect(jsonPath("$.stored").value(3))
			.andExpect(jsonPath("$.notStored[0].line").value(5))
			.andExpect(jsonPath("$.notStored[0].reason").value(containsString("同一事实只存一次")))
			.andExpect(jsonPath("$.conflicts[0].metricKey").value("members"));
		assertThat(figures(report)).isEqualTo(3);
		assertThat(this.jdbc.sql("select new_text from report_change where report_id = :id and label = '工会会员数'")
			.param("id", report).query(String.class).list()).containsExactlyInAnyOrder("100人", "120人");
	}

	@Test
	void aFileIsCheckedByTheSameRulesAsTheGrid() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		byte[] file = "metric_zh,unit,value\n工会会员数,人,100\n新就业形态劳动者会员数,人,150\n某比例,%,130\n"
			.getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(post("/api/reports/{id}/figures/import", report).param("lang", "en")
			.with(httpBasic(STAFF, TestUsers.PASSWORD)).contentType("text/csv").content(file))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("note"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("is larger than")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("explain why in the note")))
			.andExpect(jsonPath("$.errors[1].line").value(4));
		assertThat(figures(report)).isZero();
	}

	@Test
	void aGb18030FileReadsTheSameAsItsUtf8Twin() throws Exception {
		long utf8 = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		long gb = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		byte[] original = seed("zhenjiang-xinqu-2022");
		byte[] gb18030 = new String(original, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030"));
		this.mvc.perform(post("/api/reports/{id}/figures/import", utf8).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(original)).andExpect(jsonPath("$.encoding").value("UTF-8"));
		this.mvc.perform(post("/api/reports/{id}/figures/import", gb).with(httpBasic(STAFF, TestUsers.PASSWORD))
			.contentType("text/csv").content(gb18030)).andExpect(jsonPath("$.encoding").value("GB18030"));
		List<String> fromUtf8 = texts(utf8);
		assertThat(fromUtf8).hasSize(26);
		assertThat(texts(gb)).isEqualTo(fromUtf8);
	}

	private List<String> texts(long report) {
		return this.jdbc.sql("""
				select coalesce(m.name_zh, l.name_zh) || '|' || f.source_text || '|' || f.value || f.unit
				from figure f left join metric m on m.id = f.metric_id left join figure_label l on l.id = f.label_id
				where f.report_id = :id order by f.position""").param("id", report).query(String.class).list();
	}

	@Test
	void anExcelFileImportsThroughTheMultipartApi() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "导入");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("figures");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("metric_zh");
			header.createCell(1).setCellValue("unit");
			header.createCell(2).setCellValue("value");
			Row members = sheet.createRow(1);
			members.createCell(0).setCellValue("工会会员数");
			members.createCell(1).setCellValue("人");
			members.createCell(2).setCellValue(4350000);
			Row aid = sheet.createRow(2);
			aid.createCell(0).setCellValue("帮扶资金");
			aid.createCell(1).setCellValue("元");
			aid.createCell(2).setCellValue("2.06亿");
			workbook.write(out);
		}
		this.mvc.perform(multipart("/api/reports/{id}/figures/import", report)
			.file(new MockMultipartFile("file", "figures.xlsx", "application/octet-stream", out.toByteArray()))
			.with(httpBasic(STAFF, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2));
		assertThat(figures(report)).isEqualTo(2);
	}

	@Test
	void bothTemplatesCanBeDownloadedAndImportAsTheyAre() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", STAFF)
			.param("password", TestUsers.PASSWORD));
		byte[] csv = this.mvc.perform(get("/staff/import-template.csv").session(session))
			.andExpect(header().string("Content-Disposition", containsString("figures-template.csv")))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] xlsx = this.mvc.perform(get("/staff/import-template.xlsx").session(session))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		for (byte[] file : List.of(csv, xlsx)) {
			this.mvc.perform(post("/api/reports/{id}/figures/import", newDraft(this.mvc, STAFF, "610100", nextYear++, "导入")).param("dryRun", "true")
				.with(httpBasic(STAFF, TestUsers.PASSWORD)).contentType("application/octet-stream").content(file))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.accepted").value(2));
		}
	}

}
