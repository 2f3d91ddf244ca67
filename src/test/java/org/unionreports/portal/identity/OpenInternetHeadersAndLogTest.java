package org.unionreports.portal.identity;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/**
 * Two of issue 17's findings through the real filter chain: every kind of page says which browser features
 * it never uses (Permissions-Policy), and a line feed in a username cannot forge a line of the log.
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class OpenInternetHeadersAndLogTest {

	@Autowired
	MockMvc mvc;

	@Test
	void everyKindOfPageSendsAPermissionsPolicy() throws Exception {
		for (String path : new String[] { "/", "/login", "/regions/650000", "/regions/650000/embed", "/api/regions",
				"/swagger-ui.html" }) {
			this.mvc.perform(get(path))
				.andExpect(header().string("Permissions-Policy", org.hamcrest.Matchers.containsString("camera=()")));
		}
	}

	@Test
	void aLineFeedInAUsernameCannotForgeALogLine(CapturedOutput output) throws Exception {
		this.mvc.perform(post("/login").with(csrf())
			.param("username", "nobody\n2026-12-02T00:00:00Z INFO security : LOGIN_SUCCEEDED subject=admin")
			.param("password", "wrong"));
		assertThat(output.getOut()).contains("nobody\\u000a2026-12-02T00:00:00Z");
		assertThat(Arrays.stream(output.getOut().split("\n"))).noneMatch(line -> line.startsWith("2026-12-02T00:00:00Z INFO"));
	}

}
