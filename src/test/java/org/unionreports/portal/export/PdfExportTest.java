package org.unionreports.portal.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PDF export read back with PDFBox: A4 pages, the Chinese figures and text in it as text (so in an
 * embedded Noto Sans SC, not as boxes), on every page where it is from and which page it is, the charts as
 * images, and a draft saying so. Uses a template engine of its own, without the application context.
 */
class PdfExportTest {

	private static final String SOURCE = "新疆维吾尔自治区总工会";

	private static PdfExport export;

	private static byte[] published;

	@BeforeAll
	static void writePdf() throws IOException {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setEnableSpringELCompiler(true);
		export = new PdfExport(engine, new SimpleMeterRegistry());
		published = export.write(document(LocalDate.of(2023, 5, 1)), Locale.SIMPLIFIED_CHINESE);
		Files.write(Path.of(System.getProperty("java.io.tmpdir"), "sample-export.pdf"), published);
	}

	@Test
	void pagesAreA4AndThereAreSeveral() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(published)) {
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
			for (PDPage page : pdf.getPages()) {
				PDRectangle size = page.getMediaBox();
				assertThat(size.getWidth()).isCloseTo(595f, within(1f));
				assertThat(size.getHeight()).isCloseTo(842f, within(1f));
			}
		}
	}

	@Test
	void figuresAndTextAreThereInChinese() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(published)) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("新疆工会五年工作回顾（2018—2022）", "新疆维吾尔自治区", "工会会员数", "435万余人", "帮扶资金",
					"1.4亿元", "主要数字", "数字一览", "组织建设", "全区各级工会组织持续扩大覆盖面", "发布于 2023年5月1日",
					"http://localhost/reports/1");
		}
	}

	@Test
	void everyPageSaysWhereItIsFromAndWhichPageItIs() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(published)) {
			int pages = pdf.getNumberOfPages();
			for (int number = 1; number <= pages; number++) {
				String text = pageText(pdf, number);
				assertThat(text).as("page %d", number)
					.contains(SOURCE)
					.containsPattern("第\\s*" + number + "\\s*页\\s*/\\s*共\\s*" + pages + "\\s*页");
			}
		}
	}

	@Test
	void fontsAreEmbeddedNotoSansSc() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(published)) {
			int fonts = 0;
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					assertThat(font.getName()).contains("NotoSansSC");
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					fonts++;
				}
			}
			assertThat(fonts).isPositive();
		}
	}

	@Test
	void chartsAreImages() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(published)) {
			int images = 0;
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getXObjectNames()) {
					if (resources.getXObject(name) instanceof PDImageXObject) {
						images++;
					}
				}
			}
			assertThat(images).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void aDraftSaysSoOnEveryPage() throws IOException {
		byte[] draft = export.write(document(null), Locale.SIMPLIFIED_CHINESE);
		try (PDDocument pdf = Loader.loadPDF(draft)) {
			for (int number = 1; number <= pdf.getNumberOfPages(); number++) {
				assertThat(pageText(pdf, number)).as("page %d", number).contains("草稿").doesNotContain("发布于");
			}
		}
	}

	@Test
	void inEnglishTheWordsAreEnglish() throws IOException {
		byte[] english = export.write(document(LocalDate.of(2023, 5, 1)), Locale.ENGLISH);
		try (PDDocument pdf = Loader.loadPDF(english)) {
			int pages = pdf.getNumberOfPages();
			assertThat(pageText(pdf, 1)).contains("Headline figures", "Trade union members", "4.35 million",
					"Xinjiang Uygur Autonomous Region", "Page 1 of " + pages);
		}
	}

	@Test
	void axesAreWrittenTheWayTheReadersWriteNumbers() {
		ChartImages.AxisFormat chinese = new ChartImages.AxisFormat(Locale.SIMPLIFIED_CHINESE, false);
		ChartImages.AxisFormat english = new ChartImages.AxisFormat(Locale.ENGLISH, false);
		assertThat(chinese.format(2_500_000)).isEqualTo("250万");
		assertThat(chinese.format(250_000_000)).isEqualTo("2.5亿");
		assertThat(english.format(2_500_000)).isEqualTo("2.5M");
		assertThat(new ChartImages.AxisFormat(Locale.SIMPLIFIED_CHINESE, true).format(85.5)).isEqualTo("85.5%");
	}

	@Test
	void aChartOfManyBarsStillFitsOnAPage() throws IOException {
		List<String> regions = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			regions.add("地区" + i);
			values.add(BigDecimal.valueOf(10_000L * i));
		}
		byte[] png = ChartImages.png(new ExportDocument.ChartData("bar", "工会会员数", "人", regions, values),
				Locale.SIMPLIFIED_CHINESE);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
		assertThat(image.getHeight()).isBetween(ChartImages.WIDTH / 2, ChartImages.WIDTH * 4 / 3);
	}

	private static String pageText(PDDocument pdf, int number) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(number);
		stripper.setEndPage(number);
		return stripper.getText(pdf);
	}

	private static ExportDocument document(LocalDate published) {
		List<ExportDocument.Row> rows = new ArrayList<>();
		ExportDocument.Row members = row("组织建设", "工会会员数", "Trade union members", "435万余人", "4.35 million",
				new BigDecimal("4350000"), "人", "余");
		ExportDocument.Row aid = row("帮扶救助", "帮扶资金", "Aid funds", "1.4亿元", "CNY 140 million",
				new BigDecimal("140000000"), "元", null);
		rows.add(members);
		rows.add(aid);
		for (int i = 1; i <= 118; i++) {
			rows.add(row("劳动竞赛", "劳动竞赛项目" + i, "Labour contests " + i, (100 + i) + "项", (100 + i) + " contests",
					BigDecimal.valueOf(100 + i), "项", null));
		}
		List<ExportDocument.SectionText> sections = List.of(new ExportDocument.SectionText("组织建设",
				List.of("全区各级工会组织持续扩大覆盖面，工会会员数达到435万余人。",
						"五年来，各级工会坚持把职工群众满意作为工作标准，帮扶资金累计投入1.4亿元。")));
		List<ExportDocument.ChartData> charts = List.of(
				new ExportDocument.ChartData("bar", "各地州市工会会员数", "人",
						List.of("乌鲁木齐市", "克拉玛依市", "吐鲁番市", "哈密市", "昌吉回族自治州", "伊犁哈萨克自治州"),
						List.of(new BigDecimal("1250000"), new BigDecimal("380000"), new BigDecimal("210000"),
								new BigDecimal("260000"), new BigDecimal("540000"), new BigDecimal("910000"))),
				new ExportDocument.ChartData("line", "帮扶资金", "元", List.of("2018", "2019", "2020", "2021", "2022"),
						List.of(new BigDecimal("21000000"), new BigDecimal("24500000"), new BigDecimal("31000000"),
								new BigDecimal("29000000"), new BigDecimal("35000000"))));
		return new ExportDocument("新疆工会五年工作回顾（2018—2022）", "650000", "新疆维吾尔自治区",
				"Xinjiang Uygur Autonomous Region", "2018-2022", "2018—2022年", published, SOURCE,
				"本报告数据可自由转载，请注明出处（知识共享 署名 4.0 国际许可协议 CC BY 4.0）。", "http://localhost/reports/1", 1L, rows,
				List.of(members, aid), sections, charts, false);
	}

	private static ExportDocument.Row row(String section, String metricZh, String metricEn, String written,
			String writtenEn, BigDecimal value, String unit, String qualifier) {
		return new ExportDocument.Row(section, metricZh + written, written, value, unit, qualifier, null, metricZh, metricEn,
				null, "2018-2022", "stock", null, written, writtenEn, "650000", "新疆维吾尔自治区", 1L);
	}

}
