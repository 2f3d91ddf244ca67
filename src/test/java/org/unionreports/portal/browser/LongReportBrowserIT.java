package org.unionreports.portal.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.unionreports.portal.TestDataDirectory;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long report in a real browser, through Tomcat's own limits (issue 15, item 9): staff paste a text of
 * 500 figures, review and accept them all, and all are stored, with the user still signed in; the figure
 * grid of that report saves; a 7 MB paste is refused with the page's message and the text stays in its
 * box, with the script and without it; the import page shows a refused file (422) and a file over the
 * limit instead of a full progress bar and silence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
@Import(TestUsers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongReportBrowserIT {

	static final String STAFF = "lr-browser-staff";

	/** Fifty places and ten kinds of activity: 500 sentences, one figure each, no two alike. */
	static final List<String> PLACES = List.of("新城区", "碑林区", "莲湖区", "灞桥区", "未央区", "雁塔区", "阎良区",
			"临潼区", "长安区", "高陵区", "鄠邑区", "蓝田县", "周至县", "高新区", "经开区", "曲江新区", "浐灞生态区",
			"航天基地", "港务区", "沣东新城", "城东片区", "城西片区", "城南片区", "城北片区", "河东片区", "河西片区",
			"山前片区", "山后片区", "湖畔片区", "桥头片区", "东关街道", "西关街道", "南关街道", "北关街道", "中山街道",
			"和平街道", "解放街道", "建设街道", "长乐街道", "安康街道", "红旗镇", "柳林镇", "杨庄镇", "李家镇", "王曲镇",
			"东坡镇", "西河镇", "南山镇", "北塬镇", "白鹿镇");

	static final List<String> ACTIVITIES = List.of("举办插花培训班%d期", "组织读书分享会%d场", "开展健步走活动%d次",
			"发放防暑降温用品%d份", "建成户外劳动者驿站%d个", "提供法律咨询%d次", "举办书画展览%d场", "组织青年联谊活动%d场",
			"开展心理健康讲座%d场", "走访一线班组%d个");

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JsonMapper json;

	Browser browser;

	HttpClient http = HttpClient.newHttpClient();

	long report;

	int proposed;

	@BeforeAll
	void start() throws Exception {
		Browser.assumeInstalled();
		this.users.ensure(STAFF, Role.STAFF, "610100");
		HttpResponse<String> created = api("POST", "/api/reports", "application/json",
				"{\"regionCode\":\"610100\",\"periodStart\":1999,\"periodEnd\":1999,\"title\":\"西安市工会长报告\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.report = this.json.readTree(created.body()).get("id").asLong();
		this.browser = new Browser("http://localhost:" + this.port);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	static String longText() {
		StringBuilder text = new StringBuilder("一、基层工作全面开展\n");
		int n = 0;
		for (String place : PLACES) {
			for (String activity : ACTIVITIES) {
				n++;
				text.append(place).append("总工会").append(String.format(activity, 10 + (n * 37) % 900)).append("。");
			}
			text.append('\n');
		}
		return text.toString();
	}

	private HttpResponse<String> api(String method, String path, String type, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((STAFF + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private int storedFigures() throws Exception {
		HttpResponse<String> answer = api("GET", "/api/reports/" + this.report, null, null);
		assertThat(answer.statusCode()).isEqualTo(200);
		return this.json.readTree(answer.body()).get("figures").size();
	}

	private JavascriptExecutor js() {
		return this.browser.driver();
	}

	private WebDriverWait slowWait() {
		return new WebDriverWait(this.browser.driver(), Duration.ofSeconds(120));
	}

	@Test
	@Order(1)
	void staffPasteATextOf500FiguresAcceptThemAllAndAllAreStored() throws Exception {
		String text = longText();
		JsonNode extracted = this.json.readTree(api("POST", "/api/extract", "text/plain;charset=UTF-8", text).body());
		this.proposed = extracted.get("figures").size();
		assertThat(this.proposed).as("one figure per sentence").isEqualTo(500);

		this.browser.signIn(STAFF, TestUsers.PASSWORD);
		this.browser.open("/staff/reports/" + this.report + "/extract");
		js().executeScript("document.getElementById('text').value = arguments[0];", text);
		this.browser.screenshot("long-report-pasted");
		this.browser.click(By.cssSelector("#extraction-text button[type=submit]"));
		slowWait().until(ExpectedConditions.presenceOfElementLocated(By.id("extraction-review")));
		assertThat(this.browser.driver().findElements(By.cssSelector("#proposals tbody tr"))).hasSize(this.proposed);
		this.browser.screenshot("long-report-review");

		this.browser.click(By.cssSelector("#extraction-review button[type=submit]"));
		slowWait().until(ExpectedConditions.urlToBe("http://localhost:" + this.port + "/staff/reports/" + this.report));
		this.browser.waitFor(By.cssSelector(".alert-success"));
		this.browser.screenshot("long-report-stored");
		assertThat(this.browser.text()).as("still signed in").contains(STAFF).doesNotContain("出错了");
		assertThat(this.browser.find(By.id("extract-summary")).getText())
			.contains("采用了 " + this.proposed + " 项数据，保存了 " + this.proposed + " 项。");
		assertThat(storedFigures()).isEqualTo(this.proposed);
	}

	@Test
	@Order(2)
	void aRowWithAnErrorIsShownAtItsFieldAndNothingMoreIsStored() throws Exception {
		this.browser.open("/staff/reports/" + this.report + "/extract");
		js().executeScript("document.getElementById('text').value = arguments[0];", longText());
		this.browser.click(By.cssSelector("#extraction-text button[type=submit]"));
		slowWait().until(ExpectedConditions.presenceOfElementLocated(By.id("extraction-review")));
		js().executeScript("document.querySelector('[name=\"figures[321].value\"]').value = '十二点';");
		this.browser.click(By.cssSelector("#extraction-review button[type=submit]"));
		this.browser.waitFor(By.id("review-errors"));
		this.browser.waitFor(By.cssSelector("[name='figures[321].value'].is-invalid + .invalid-feedback"));
		// Let the long table finish painting around the field before the picture is taken.
		pause();
		this.browser.screenshot("long-report-row-error");
		assertThat(this.browser.find(By.cssSelector("[name='figures[321].value'] + .invalid-feedback")).getText())
			.containsPattern("\\p{IsHan}");
		assertThat(this.browser.path()).endsWith("/extract");
		assertThat(this.browser.text()).contains(STAFF);
		assertThat(storedFigures()).as("nothing stored from a review with an error").isEqualTo(this.proposed);
	}

	@Test
	@Order(3)
	void theFigureGridOfTheLongReportSaves() throws Exception {
		this.browser.open("/staff/reports/" + this.report + "/figures");
		By value = By.name("rows[499].value");
		slowWait().until(ExpectedConditions.presenceOfElementLocated(value));
		js().executeScript("arguments[0].value = '777';", this.browser.find(value));
		this.browser.click(By.cssSelector("#figure-grid button[value=save]:not(.visually-hidden)"));
		slowWait().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
		this.browser.screenshot("long-report-grid-saved");
		assertThat(this.browser.text()).contains("数据已保存").contains(STAFF);
		assertThat(this.browser.find(value).getAttribute("value")).isEqualTo("777");
		assertThat(storedFigures()).isEqualTo(this.proposed);
	}

	@Test
	@Order(4)
	void aPasteOf7MegabytesIsRefusedWithTheTextKeptWithTheScriptAndWithout() {
		this.browser.open("/staff/reports/" + this.report + "/extract");
		String fill = "document.getElementById('text').value = '开头的标记。' + '举办培训班12期，培训职工3400人次。'.repeat(150000);"
				+ "return new Blob([document.getElementById('text').value]).size;";
		long bytes = ((Number) js().executeScript(fill)).longValue();
		assertThat(bytes).isGreaterThan(7_000_000);
		this.browser.click(By.cssSelector("#extraction-text button[type=submit]"));
		this.browser.waitFor(By.id("text-too-large"));
		assertThat(this.browser.find(By.id("text-too-large")).getText()).contains("2 MB").contains("文本超过了").contains("The text is larger than");
		assertThat(textInBox()).isEqualTo(bytes);
		this.browser.screenshot("paste-7mb-refused-by-the-script");

		// Without the script's check the server answers: 413, its message, the text back in the box. Just over
		// the limit rather than 7 MB: the server's answer is the same, and a 7 MB page takes headless chromium
		// minutes to lay out on a busy machine.
		this.browser.open("/staff/reports/" + this.report + "/extract");
		long over = ((Number) js().executeScript(fill.replace("repeat(150000)", "repeat(50000)"))).longValue();
		assertThat(over).isGreaterThan(2L * 1024 * 1024);
		js().executeScript("document.getElementById('extraction-text').removeAttribute('data-max-bytes');");
		this.browser.click(By.cssSelector("#extraction-text button[type=submit]"));
		slowWait().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
				"var m = document.getElementById('text-too-large'); return document.readyState === 'complete' && !!m && !m.hidden"
						+ " && document.getElementById('extraction-text').hasAttribute('data-max-bytes');")));
		assertThat(this.browser.find(By.id("text-too-large")).getText()).contains("文本超过了每次最多 2 MB 的限制");
		assertThat(textInBox()).isEqualTo(over);
		assertThat(this.browser.text()).contains(STAFF);
		this.browser.screenshot("paste-over-the-limit-refused-by-the-server");
	}

	private static void pause() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private long textInBox() {
		return ((Number) js().executeScript("var t = document.getElementById('text').value;"
				+ "return t.startsWith('开头的标记。') ? new Blob([t]).size : -1;")).longValue();
	}

	@Test
	@Order(5)
	void theImportPageShowsARefusedFileAndAFileOverTheLimit() throws Exception {
		Path bad = Files.createTempFile("figures-", ".csv");
		Files.writeString(bad, "metric_zh,unit,value\n工会会员数,人,很多\n集体合同签订率,%,120\n", StandardCharsets.UTF_8);
		this.browser.signIn(STAFF, TestUsers.PASSWORD);
		this.browser.open("/staff/reports/" + this.report + "/import");
		this.browser.find(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
		this.browser.click(By.cssSelector("main form button[type=submit]"));
		try {
			this.browser.waitFor(By.id("import-problems"));
		}
		catch (RuntimeException ex) {
			this.browser.screenshot("import-422-missing");
			System.out.println("PAGE: " + this.browser.path() + "\n" + this.browser.text());
			this.browser.driver().manage().logs().get("browser").forEach(entry -> System.out.println("CONSOLE: " + entry));
			throw ex;
		}
		this.browser.screenshot("import-422-shown");
		assertThat(this.browser.find(By.id("import-problems")).getText()).contains("第 2 行");

		Path huge = Files.createTempFile("figures-", ".csv");
		byte[] line = "工会会员数,人,100\n".getBytes(StandardCharsets.UTF_8);
		try (var out = Files.newOutputStream(huge)) {
			out.write("metric_zh,unit,value\n".getBytes(StandardCharsets.UTF_8));
			for (long written = 0; written < 21L * 1024 * 1024; written += line.length) {
				out.write(line);
			}
		}
		this.browser.find(By.id("file")).sendKeys(huge.toAbsolutePath().toString());
		this.browser.click(By.cssSelector("main form button[type=submit]"));
		this.browser.waitFor(By.id("upload-too-large"));
		assertThat(this.browser.find(By.id("upload-too-large")).getText()).contains("20 MB");
		assertThat(this.browser.find(By.id("upload-progress")).isDisplayed()).isFalse();
		assertThat(this.browser.driver().findElements(By.id("import-problems"))).as("the earlier file's answer is gone")
			.isEmpty();
		this.browser.screenshot("import-413-shown");
		Files.delete(bad);
		Files.delete(huge);
	}

}
