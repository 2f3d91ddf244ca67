package org.unionreports.portal.dataimport.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.unionreports.portal.MockMvcSteps.newDraft;

/**
 * Issue 17, finding 8: a 300-character file name, a NUL in a file name and a long encoding name gave 500
 * with a stack trace (the waiting file's row refused them). Now the API answers 400 with a problem detail
 * naming the field, and the form answers 422 with the problem at the field; nothing is read or kept.
 */
@PortalTest
class UploadFieldsTest {

	private static final String STAFF = "uf-staff";

	private static final byte[] CSV = "metric_zh,unit,value\n工会会员数,人,4350000\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	private static int nextYear = 1985;

	@BeforeEach
	void users() {
		this.users.ensure(STAFF, Role.STAFF, "610000");
	}

	private MockHttpServletResponse api(long report, String filename, String encoding) throws Exception {
		return this.mvc.perform(multipart("/api/reports/{id}/figures/import", report)
			.file(new MockMultipartFile("file", filename, "text/csv", CSV))
			.param("encoding", encoding)
			.with(httpBasic(STAFF, TestUsers.PASSWORD))).andReturn().getResponse();
	}

	@Test
	void theApiNamesTheFieldOfAnOverLongOrControlCharacterFileNameAndABadEncoding() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "上传字段");
		String[][] cases = { { "a".repeat(296) + ".csv", "auto", "filename" },
				{ "figures\u0000.csv", "auto", "filename" }, { "figures.csv", "x".repeat(200), "encoding" },
				{ "figures.csv", "UTF-8\u0000", "encoding" } };
		for (String[] c : cases) {
			MockHttpServletResponse answer = api(report, c[0], c[1]);
			assertThat(answer.getStatus()).as(c[2]).isEqualTo(400);
			assertThat(answer.getContentType()).startsWith("application/problem+json");
			String body = answer.getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).contains("\"field\":\"" + c[2] + "\"").doesNotContain("Exception").doesNotContain("at org.");
		}
		// The body form of the import takes the encoding too.
		MockHttpServletResponse body = this.mvc.perform(post("/api/reports/{id}/figures/import", report)
			.param("encoding", "x".repeat(100)).contentType("text/csv").content(CSV)
			.with(httpBasic(STAFF, TestUsers.PASSWORD))).andReturn().getResponse();
		assertThat(body.getStatus()).isEqualTo(400);
		assertThat(body.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"encoding\"");
		// An ordinary name still imports.
		assertThat(api(report, "会员.csv", "UTF-8").getStatus()).isEqualTo(200);
	}

	@Test
	void theFormShowsTheProblemAtTheFieldAndKeepsTheChosenEncoding() throws Exception {
		long report = newDraft(this.mvc, STAFF, "610100", nextYear++, "上传字段");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", STAFF)
			.param("password", TestUsers.PASSWORD));
		MockHttpServletResponse longName = this.mvc.perform(multipart("/staff/reports/{id}/import", report)
			.file(new MockMultipartFile("file", "b".repeat(300) + ".csv", "text/csv", CSV))
			.param("encoding", "GB18030")
			.session(session)
			.with(csrf())).andReturn().getResponse();
		assertThat(longName.getStatus()).isEqualTo(422);
		String page = longName.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"file-problem\"").contains("文件名（filename）最长 255 个字符")
			.containsPattern("<option value=\"GB18030\" selected");
		MockHttpServletResponse nul = this.mvc.perform(multipart("/staff/reports/{id}/import", report)
			.file(new MockMultipartFile("file", "a\u0000b.csv", "text/csv", CSV))
			.session(session)
			.with(csrf())).andReturn().getResponse();
		assertThat(nul.getStatus()).isEqualTo(422);
		assertThat(nul.getContentAsString(StandardCharsets.UTF_8)).contains("控制字符");
		MockHttpServletResponse encoding = this.mvc.perform(multipart("/staff/reports/{id}/import", report)
			.file(new MockMultipartFile("file", "figures.csv", "text/csv", CSV))
			.param("encoding", "e".repeat(40))
			.session(session)
			.with(csrf())).andReturn().getResponse();
		assertThat(encoding.getStatus()).isEqualTo(422);
		assertThat(encoding.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"encoding-problem\"");
	}

}
