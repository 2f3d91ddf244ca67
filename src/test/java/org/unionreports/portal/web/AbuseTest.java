package org.unionreports.portal.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an attacker might send: SQL in every query parameter and path segment, a file name that climbs out
 * of its directory, a body over the size limit, an XLSX zip bomb. Each is answered without harm: no
 * server error, nothing changed in the database, nothing written to disk, no secret in an answer.
 */
@PortalTest
class AbuseTest {

	private static final List<String> SQL = List.of("' OR '1'='1", "1; DROP TABLE figure; --",
			"610000' UNION SELECT password_hash FROM app_user --", "%' OR 1=1 --", "'); DELETE FROM report; --",
			"1' AND (SELECT pg_sleep(2)) IS NULL --", "\\'; TRUNCATE region CASCADE; --", "0x27 OR 1=1");

	/** Every page and endpoint that reads a query parameter or a path segment; {p} is where the SQL goes. */
	private static final List<String> ANONYMOUS = List.of("/?q={p}", "/regions/{p}", "/regions/610000?period={p}",
			"/regions/610000?metric={p}", "/regions/610000/compare?with={p}&period={p}&metric={p}&per={p}",
			"/regions/610000/compare?add={p}", "/regions/610000/trend.csv?metric={p}",
			"/regions/610000/ranking.csv?metric={p}&period={p}", "/regions/610000/export.csv?period={p}",
			"/regions/610000/export.xlsx?period={p}", "/regions/610000/embed?metric={p}", "/reports/{p}",
			"/reports/{p}/summary?lang={p}", "/reports/{p}/export.csv", "/api/regions?q={p}", "/api/regions/{p}",
			"/api/regions/610000/figures?period={p}&metric={p}", "/api/reports/{p}", "/login?error={p}");

	private static final List<String> STAFF = List.of("/staff?q={p}", "/staff/reports/{p}", "/staff/reports/{p}/figures",
			"/staff/figure-preview?text={p}&unit={p}", "/staff/reports/new?regionCode={p}&periodStart={p}",
			"/admin/users?q={p}", "/admin/security-events?q={p}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@BeforeEach
	void users() {
		this.users.ensure("ab-staff", Role.STAFF, "610100");
		this.users.ensure("ab-admin", Role.ADMIN, "000000");
	}

	@Test
	void sqlInEveryParameterIsOnlyText() throws Exception {
		String before = databaseState();
		List<String> failures = new ArrayList<>();
		for (String payload : SQL) {
			for (String template : ANONYMOUS) {
				check(template, payload, this.mvc.perform(get(uri(template, payload))).andReturn().getResponse(), failures);
			}
			for (String template : STAFF) {
				check(template, payload, this.mvc
					.perform(get(uri(template, payload)).with(user(template.startsWith("/admin") ? "ab-admin" : "ab-staff")
						.roles(template.startsWith("/admin") ? "ADMIN" : "STAFF")))
					.andReturn()
					.getResponse(), failures);
			}
		}
		assertThat(failures).isEmpty();
		assertThat(databaseState()).isEqualTo(before);
	}

	private static void check(String template, String payload, MockHttpServletResponse answer, List<String> failures)
			throws Exception {
		String body = answer.getContentAsString(StandardCharsets.UTF_8);
		if (answer.getStatus() >= 500 || body.contains("$2a$") || body.contains("{bcrypt}")
				|| body.contains("PSQLException") || body.contains("syntax error")) {
			failures.add(template + " with " + payload + ": " + answer.getStatus());
		}
	}

	private static URI uri(String template, String payload) {
		return UriComponentsBuilder.fromUriString(template.replace("{p}", "{payload}"))
			.encode()
			.buildAndExpand(java.util.Map.of("payload", payload))
			.toUri();
	}

	@Test
	void aFileNameThatClimbsOutOfItsDirectoryIsOnlyShownAsText() throws Exception {
		long report = draftReport(2037);
		String climbing = "../../../../../../tmp/portal-abuse-test.csv";
		Path target = Path.of("/tmp/portal-abuse-test.csv");
		Files.deleteIfExists(target);
		MockMultipartFile file = new MockMultipartFile("file", climbing, "text/csv",
				"metric_zh,value,unit\n工会会员数,100,人\n".getBytes(StandardCharsets.UTF_8));

		String page = this.mvc
			.perform(multipart("/staff/reports/{id}/import", report).file(file).with(user("ab-staff").roles("STAFF")).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		MockHttpServletResponse api = this.mvc
			.perform(multipart("/api/reports/{id}/figures/import", report).file(file).param("dryRun", "true")
				.with(httpBasic("ab-staff", TestUsers.PASSWORD)))
			.andReturn()
			.getResponse();

		assertThat(page).contains("portal-abuse-test.csv");
		assertThat(api.getStatus()).isEqualTo(200);
		assertThat(target).doesNotExist();
		assertThat(Path.of(climbing).toAbsolutePath().normalize()).doesNotExist();
	}

	@Test
	void aBodyOverTheLimitIsRefusedWith413AndNothingIsRead() throws Exception {
		long report = draftReport(2038);
		byte[] body = new byte[21 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) 'x');
		MockHttpServletResponse answer = this.mvc
			.perform(post("/api/reports/{id}/figures/import", report).contentType("text/csv")
				.content(body)
				.with(httpBasic("ab-staff", TestUsers.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(413);
		assertThat(answer.getContentType()).startsWith("application/problem+json");
		assertThat(answer.getContentAsString()).contains("larger than the limit of 20971520 bytes");
		assertThat(this.jdbc.sql("select count(*) from figure where report_id = ?").param(report).query(Long.class).single())
			.isZero();
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefusedWith413ThroughTheWholeStack() throws Exception {
		long report = draftReport(2040);
		byte[] body = new byte[21 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) 'x');
		MockHttpServletResponse answer = this.mvc
			.perform(new Chunked("/api/reports/" + report + "/figures/import").contentType("text/csv")
				.content(body)
				.with(httpBasic("ab-staff", TestUsers.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(413);
		assertThat(answer.getContentAsString()).contains("\"status\":413");
	}

	/** A POST without a declared length ({@link ChunkedRequest}) through the whole MVC stack. */
	private static final class Chunked extends AbstractMockHttpServletRequestBuilder<Chunked> {

		Chunked(String uri) {
			super(HttpMethod.POST);
			uri(uri);
		}

		@Override
		protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
			return new ChunkedRequest(servletContext, "POST", "");
		}

	}

	@Test
	void anXlsxZipBombIsRefusedAsUnreadable() throws Exception {
		long report = draftReport(2039);
		byte[] bomb = zipBomb();
		assertThat(bomb.length).isLessThan(100_000);
		MockHttpServletResponse answer = this.mvc
			.perform(multipart("/api/reports/{id}/figures/import", report)
				.file(new MockMultipartFile("file", "bomb.xlsx",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb))
				.with(httpBasic("ab-staff", TestUsers.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(422);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("not a readable Excel").contains("zip bomb")
			.doesNotContain("ZipSecureFile");
	}

	/** A workbook whose sheet expands 50 MB of blanks from a few tens of kilobytes. */
	private static byte[] zipBomb() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("""
					<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					</Types>""".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("_rels/.rels"));
			zip.write("""
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] blanks = new byte[1024 * 1024];
			java.util.Arrays.fill(blanks, (byte) ' ');
			for (int i = 0; i < 50; i++) {
				zip.write(blanks);
			}
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private long draftReport(int year) throws Exception {
		MockHttpServletResponse created = this.mvc
			.perform(post("/api/reports").contentType("application/json")
				.content("{\"regionCode\":\"610112\",\"periodStart\":" + year + ",\"title\":\"滥用测试\"}")
				.with(httpBasic("ab-staff", TestUsers.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		return Long.parseLong(created.getContentAsString().replaceAll("\\D+", " ").strip().split(" ")[0]);
	}

	/** Counts of the tables an injection would change, and every password hash. */
	private String databaseState() {
		return this.jdbc.sql("""
				select (select count(*) from region) || '/' || (select count(*) from report) || '/'
				       || (select count(*) from figure) || '/' || (select count(*) from section) || '/'
				       || (select count(*) from app_user) || '/'
				       || (select md5(string_agg(password_hash, ',' order by id)) from app_user)""")
			.query(String.class)
			.single();
	}

}
