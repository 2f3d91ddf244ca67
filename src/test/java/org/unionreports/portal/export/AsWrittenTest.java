package org.unionreports.portal.export;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A report's figures are written as the report wrote them — on its page, in its CSV, workbook and PDF and in
 * its summary — not as the portal would write the value (3200万余元, 260450元, 3期, 近1000万元).
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsWrittenTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long report;

	long xian;

	/** label, unit, family, value, qualifier, number_text, quote → as written. */
	static final List<List<String>> FIGURES = List.of(
			List.of("写法专项资金", "元", "aid", "32000000", "余", "3200余万", "投入写法专项资金3200余万元", "3200余万元"),
			List.of("写法筹集资金", "元", "services", "10000000", "近", "近千万", "筹集写法资金近千万元", "近千万元"),
			List.of("写法帮扶金额", "元", "rights", "260450", "exact", "26.045万", "帮扶金额26.045万元", "26.045万元"),
			List.of("写法培训班", "期", "selfbuild", "3", "exact", "三", "举办写法培训班三期", "三期"),
			List.of("写法竞赛覆盖面", "%", "competition", "85", "以上", "85", "竞赛覆盖面达到85%以上", "85%以上"),
			List.of("写法竞赛活动", "场次", "ideology", "1000", "以上", "千", "写法竞赛活动上千场次", "上千场次"));

	@BeforeAll
	void aReportWithFiguresAsWritten() {
		this.report = this.jdbc.sql("""
				insert into report (region_id, period_start, period_end, title, status, published_at)
				select id, 2016, 2016, '乌海市2016年写法测试报告', 'PUBLISHED', now() from region where code = '150300'
				returning id""").query(Long.class).single();
		for (List<String> f : FIGURES) {
			long label = this.jdbc.sql("""
					insert into figure_label (name_zh, unit, family, kind) values (:name, :unit, :family, 'flow')
					returning id""")
				.param("name", f.get(0)).param("unit", f.get(1)).param("family", f.get(2))
				.query(Long.class).single();
			this.jdbc.sql("""
					insert into figure (report_id, label_id, subject, unit, value, qualifier, period_start, period_end,
					                    number_text, source_text)
					values (:report, :label, :name, :unit, :value, :qualifier, 2016, 2016, :numberText, :text)""")
				.param("report", this.report).param("label", label).param("name", f.get(0)).param("unit", f.get(1))
				.param("value", new java.math.BigDecimal(f.get(3))).param("qualifier", f.get(4))
				.param("numberText", f.get(5)).param("text", f.get(6))
				.update();
		}
		this.xian = this.jdbc.sql("""
				select r.id from report r join region g on g.id = r.region_id
				where g.code = '610100' and r.period_start = 2018 and r.period_end = 2022""").query(Long.class).single();
	}

	private static List<String> expected() {
		return FIGURES.stream().map(f -> f.get(0) + " " + f.get(7)).toList();
	}

	@Test
	void theReportPageWritesEachFigureAsTheReportDid() throws Exception {
		var page = this.mvc.perform(get("/reports/{id}", this.report)).andExpect(status().isOk());
		for (List<String> f : FIGURES) {
			page.andExpect(content().string(containsString(">" + f.get(7) + "<")));
		}
		page.andExpect(content().string(not(containsString("3200万余元"))))
			.andExpect(content().string(not(containsString("260450元"))))
			.andExpect(content().string(not(containsString("3期"))));
	}

	@Test
	void aSeedReportWithoutTheQualifierInItsNumberTextIsWrittenAsItsQuoteShows() throws Exception {
		// xian's file gives 3000万 + 多 (quote 筹集资金3000多万元) and 千 + 以上 (quote 竞赛活动上千场次)
		this.mvc.perform(get("/reports/{id}", this.xian))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">3000多万元<")))
			.andExpect(content().string(containsString(">1190余万元<")))
			.andExpect(content().string(containsString(">上千场次<")))
			.andExpect(content().string(containsString(">85%以上<")))
			.andExpect(content().string(not(containsString("3000万多元"))));
	}

	@Test
	void theCsvWritesThemAsWrittenAndKeepsTheNumberTextAndQuoteAsStored() throws Exception {
		String text = new String(download("/reports/{id}/export.csv"), StandardCharsets.UTF_8);
		List<CSVRecord> rows;
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.substring(1)))) {
			rows = parser.getRecords();
		}
		Map<String, CSVRecord> byLabel = rows.stream().collect(Collectors.toMap(r -> r.get("metric_zh"), r -> r));
		assertThat(FIGURES.stream().map(f -> f.get(0) + " " + byLabel.get(f.get(0)).get("written")).toList())
			.isEqualTo(expected());
		for (List<String> f : FIGURES) {
			assertThat(byLabel.get(f.get(0)).get("number_text")).isEqualTo(f.get(5));
			assertThat(byLabel.get(f.get(0)).get("text")).isEqualTo(f.get(6));
		}
	}

	@Test
	void theWorkbookWritesThemAsWritten() throws Exception {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("/reports/{id}/export.xlsx")))) {
			Sheet figures = workbook.getSheetAt(0);
			int header = figures.getPaneInformation().getHorizontalSplitTopRow() - 1;
			Row headings = figures.getRow(header);
			int written = -1;
			for (int c = 0; c < headings.getLastCellNum(); c++) {
				if (headings.getCell(c).getStringCellValue().startsWith("写法")) {
					written = c;
				}
			}
			assertThat(written).isNotNegative();
			List<String> found = new ArrayList<>();
			for (int r = header + 1; r <= figures.getLastRowNum(); r++) {
				Row row = figures.getRow(r);
				found.add(row.getCell(0).getStringCellValue() + " " + row.getCell(written).getStringCellValue());
			}
			assertThat(found).containsExactlyInAnyOrderElementsOf(expected());
		}
	}

	@Test
	void thePdfWritesThemAsWritten() throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(download("/reports/{id}/export.pdf"))) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
			for (List<String> f : FIGURES) {
				assertThat(text).contains(f.get(7));
			}
			assertThat(text).doesNotContain("3200万余元").doesNotContain("260450元");
		}
	}

	@Test
	void theSummaryQuotesThemAsWritten() throws Exception {
		String summary = this.mvc.perform(get("/reports/{id}/summary", this.report).param("lang", "zh"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		for (List<String> f : FIGURES) {
			assertThat(summary).contains(f.get(0) + f.get(7));
		}
	}

	private byte[] download(String url) throws Exception {
		return this.mvc.perform(get(url, this.report)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
	}

}
