package org.unionreports.portal.export;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every export read back with a parser and compared figure by figure with the database; formula-looking
 * text defused; the summary, the embed page, the OpenAPI document and CORS.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	long xinjiang;

	long formulaReport;

	long draftReport;

	@BeforeAll
	void reports() {
		this.xinjiang = this.jdbc.sql("""
				select r.id from report r join region g on g.id = r.region_id
				where g.code = '650000' and r.period_start = 2018 and r.period_end = 2022""").query(Long.class).single();
		// A published report of 呼和浩特市 whose long-tail label and narrative look like formulas.
		this.formulaReport = this.jdbc.sql("""
				insert into report (region_id, period_start, period_end, title, status, published_at)
				select id, 2015, 2015, '=HYPERLINK("http://evil.example","点击")', 'PUBLISHED', now() from region where code = '150100'
				returning id""").query(Long.class).single();
		long section = this.jdbc.sql("""
				insert into section (report_id, position, heading, narrative) values (:report, 0, '导语', '=1+2 是一段正文')
				returning id""").param("report", this.formulaReport).query(Long.class).single();
		long label = this.jdbc.sql("""
				insert into figure_label (name_zh, unit, family, kind) values ('=SUM(A1:A9)', '个', 'other', 'flow')
				returning id""").query(Long.class).single();
		this.jdbc.sql("""
				insert into figure (report_id, section_id, label_id, subject, unit, value, period_start, period_end, source_text)
				values (:report, :section, :label, '=SUM(A1:A9)', '个', 12, 2015, 2015, '@cmd 十二个')""")
			.param("report", this.formulaReport)
			.param("section", section)
			.param("label", label)
			.update();
		this.draftReport = this.jdbc.sql("""
				insert into report (region_id, period_start, period_end, title, status)
				select id, 2015, 2015, '包头市2015年草稿', 'DRAFT' from region where code = '150200' returning id""")
			.query(Long.class).single();
		this.jdbc.sql("""
				insert into figure (report_id, metric_id, subject, unit, value, period_start, period_end)
				select :report, id, name_zh, unit, 5000, 2015, 2015 from metric where key = 'members'""")
			.param("report", this.draftReport)
			.update();
		this.users.ensure("ex-baotou-staff", Role.STAFF, "150200");
	}

	/** The report's figures in the database: metric or label name and period → value (null when missing). */
	private Map<String, BigDecimal> figuresOf(long report) {
		Map<String, BigDecimal> figures = new HashMap<>();
		this.jdbc.sql("""
				select coalesce(m.name_zh, l.name_zh) as name, f.period_start, f.period_end, f.target, f.value
				from figure f left join metric m on m.id = f.metric_id left join figure_label l on l.id = f.label_id
				where f.report_id = :report""")
			.param("report", report)
			.query((rs, row) -> {
				String period = rs.getInt(2) == rs.getInt(3) ? "" + rs.getInt(2) : rs.getInt(2) + "-" + rs.getInt(3);
				figures.put(rs.getString(1) + "|" + period + (rs.getBoolean(4) ? "|target" : ""), rs.getBigDecimal(5));
				return null;
			})
			.list();
		return figures;
	}

	private byte[] download(String url, Object... vars) throws Exception {
		return this.mvc.perform(get(url, vars)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	private static List<CSVRecord> csv(byte[] body) throws Exception {
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.substring(1)))) {
			return parser.getRecords();
		}
	}

	@Test
	void aReportsCsvHasEveryFigureOfTheDatabaseWithItsSource() throws Exception {
		List<CSVRecord> rows = csv(download("/reports/{id}/export.csv", this.xinjiang));
		Map<String, BigDecimal> expected = figuresOf(this.xinjiang);
		assertThat(rows).hasSize(expected.size());
		for (CSVRecord row : rows) {
			String key = row.get("metric_zh") + "|" + row.get("period") + ("target".equals(row.get("kind")) ? "|target" : "");
			assertThat(expected).containsKey(key);
			BigDecimal value = expected.get(key);
			if (value == null) {
				assertThat(row.get("value")).isEmpty();
			}
			else {
				assertThat(new BigDecimal(row.get("value"))).as(key).isEqualByComparingTo(value);
			}
			assertThat(row.get("region_code")).isEqualTo("650000");
			assertThat(row.get("report_id")).isEqualTo(Long.toString(this.xinjiang));
			assertThat(row.get("status")).startsWith("published 20");
			assertThat(row.get("permalink")).endsWith("/reports/" + this.xinjiang);
			assertThat(row.get("licence")).isNotBlank();
		}
		assertThat(rows).anySatisfy(row -> {
			assertThat(row.get("metric_zh")).isEqualTo("工会会员数");
			assertThat(row.get("qualifier")).isEqualTo("余");
			assertThat(row.get("written")).isEqualTo("435万余人");
		});
	}

	@Test
	void aReportsWorkbookHasRealNumbersTheWrittenValueBesideThemAndTheText() throws Exception {
		Map<String, BigDecimal> expected = figuresOf(this.xinjiang);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("/reports/{id}/export.xlsx", this.xinjiang)))) {
			Sheet figures = workbook.getSheetAt(0);
			assertThat(figures.getPaneInformation()).isNotNull();
			assertThat(figures.getPaneInformation().isFreezePane()).isTrue();
			int header = figures.getPaneInformation().getHorizontalSplitTopRow() - 1;
			Row headings = figures.getRow(header);
			assertThat(headings.getCell(0).getStringCellValue()).startsWith("指标");
			assertThat(headings.getCell(1).getStringCellValue()).startsWith("数值");
			int checked = 0;
			for (int r = header + 1; r <= figures.getLastRowNum(); r++) {
				Row row = figures.getRow(r);
				String key = row.getCell(0).getStringCellValue() + "|" + row.getCell(5).getStringCellValue()
						+ ("target".equals(row.getCell(12).getStringCellValue()) ? "|target" : "");
				assertThat(expected).containsKey(key);
				Cell value = row.getCell(1);
				if (expected.get(key) == null) {
					assertThat(value).isNull();
				}
				else {
					assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
					assertThat(value.getCellStyle().getDataFormatString()).startsWith("#,##0");
					assertThat(BigDecimal.valueOf(value.getNumericCellValue())).as(key).isEqualByComparingTo(expected.get(key));
				}
				checked++;
			}
			assertThat(checked).isEqualTo(expected.size());
			assertThat(figures.getColumnWidth(0)).isGreaterThan(10 * 256);
			Sheet text = workbook.getSheetAt(1);
			assertThat(text.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
		}
	}

	@Test
	void aReportsPdfHasItsChineseLabelsAndValuesAndTheSourceOnEveryPage() throws Exception {
		byte[] pdf = this.mvc.perform(get("/reports/{id}/export.pdf", this.xinjiang))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
			String text = stripper.getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("工会会员数").contains("435万余人").contains("帮扶资金").contains("1.4亿元")
				.contains("新疆维吾尔自治区");
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document).replaceAll("\\s+", "")).as("page %d", page)
					.contains("第" + page + "页").contains("石榴云");
			}
		}
		byte[] region = download("/regions/650000/export.pdf?period=2018-2022");
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(region)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", ""))
				.contains("工会会员数").contains("435万余人");
		}
	}

	@Test
	void aFormulaLookingLabelComesOutDefused() throws Exception {
		List<CSVRecord> rows = csv(download("/reports/{id}/export.csv", this.formulaReport));
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.get("metric_zh")).isEqualTo("'=SUM(A1:A9)");
			assertThat(row.get("text")).isEqualTo("'@cmd 十二个");
		});
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("/reports/{id}/export.xlsx", this.formulaReport)))) {
			Sheet figures = workbook.getSheetAt(0);
			Cell title = figures.getRow(0).getCell(1);
			assertThat(title.getCellType()).isEqualTo(CellType.STRING);
			assertThat(title.getCellStyle().getQuotePrefixed()).isTrue();
			int header = figures.getPaneInformation().getHorizontalSplitTopRow() - 1;
			Cell label = figures.getRow(header + 1).getCell(0);
			assertThat(label.getCellType()).isEqualTo(CellType.STRING);
			assertThat(label.getStringCellValue()).isEqualTo("=SUM(A1:A9)");
			assertThat(label.getCellStyle().getQuotePrefixed()).isTrue();
			Cell paragraph = workbook.getSheetAt(1).getRow(1).getCell(0);
			assertThat(paragraph.getCellType()).isEqualTo(CellType.STRING);
			assertThat(paragraph.getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void aRegionsExportHasTheDashboardsFigures() throws Exception {
		List<CSVRecord> rows = csv(download("/regions/650000/export.csv?period=2018-2022"));
		assertThat(rows).anySatisfy(row -> {
			assertThat(row.get("metric_key")).isEqualTo("members");
			assertThat(new BigDecimal(row.get("value"))).isEqualByComparingTo("4350000");
			assertThat(row.get("qualifier")).isEqualTo("余");
			assertThat(row.get("report_id")).isEqualTo(Long.toString(this.xinjiang));
			assertThat(row.get("permalink")).endsWith("/regions/650000?period=2018-2022");
			// A dashboard is compiled by the portal, not published as such.
			assertThat(row.get("status")).startsWith("compiled 20");
		});
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("/regions/650000/export.xlsx?period=2018-2022")))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThan(rows.size());
		}
	}

	@Test
	void aDraftIsExportedOnlyToStaffInScopeAndSaysItIsADraft() throws Exception {
		this.mvc.perform(get("/reports/{id}/export.csv", this.draftReport)).andExpect(status().isNotFound());
		byte[] body = this.mvc.perform(get("/reports/{id}/export.csv", this.draftReport).with(user("ex-baotou-staff").roles("STAFF")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(csv(body)).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("draft"));
	}

	@Test
	void theSummaryWritesTheFiguresAsTheReportDoesInBothLanguages() throws Exception {
		String chinese = new String(download("/reports/{id}/summary", this.xinjiang), StandardCharsets.UTF_8);
		assertThat(chinese).startsWith("五年来（2018—2022年），新疆维吾尔自治区工会会员435万余人，基层工会组织3.9万个")
			.contains("帮扶资金1.4亿元").contains("（来源：《新疆工会五年工作回顾（2018—2022）》");
		String english = new String(download("/reports/{id}/summary?lang=en", this.xinjiang), StandardCharsets.UTF_8);
		assertThat(english).startsWith("In 2018–2022, the trade unions of Xinjiang Uygur Autonomous Region reported")
			.contains("union members over 4.35 million people").contains("aid funds 140 million yuan");
	}

	@Test
	void theReportPageShowsTheSummaryAsTextNeverAsMarkup() throws Exception {
		// The summary is made of titles and labels that staff type: it must never be read as HTML.
		this.mvc.perform(get("/reports/{id}", this.xinjiang))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-swap=\"textContent\"")))
			.andExpect(content().string(containsString("/reports/" + this.xinjiang + "/summary")));
	}

	@Test
	void theEmbedPageAloneMayBeFramedByOtherSites() throws Exception {
		this.mvc.perform(get("/regions/650000/embed").param("metric", "members"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("X-Frame-Options"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors *")))
			.andExpect(content().string(containsString("435万余人")))
			.andExpect(content().string(containsString("数据来源")));
		this.mvc.perform(get("/regions/650000"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(content().string(containsString("/regions/650000/embed?metric=members")));
	}

	@Test
	void theApiIsDescribedAndReadableFromOtherSites() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/regions/{code}/figures")));
		this.mvc.perform(get("/swagger-ui.html"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/swagger-ui/index.html")));
		this.mvc.perform(get("/api/regions").header("Origin", "https://news.example"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "*"));
	}

}
