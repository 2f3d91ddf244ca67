package org.unionreports.portal.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/** Every page carries the headers that keep scripts, framing and sniffing in check. */
@PortalTest
class SecurityHeadersTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesForbidInlineScriptsFramingAndSniffing() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
					containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline")))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void theApiCarriesThemToo() throws Exception {
		this.mvc.perform(get("/api/regions"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void theLoginFormCarriesACsrfTokenAndNoInlineScript() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString("onclick"))));
	}

}
