package org.unionreports.portal;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The steps many MockMvc tests take before what they check: signing in through the form, making a draft. */
public final class MockMvcSteps {

	private MockMvcSteps() {
	}

	/** Signs in through the real form and answers the session, which then carries the user. */
	public static MockHttpSession signedIn(MockMvc mvc, String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", username).param("password", password))
			.andExpect(redirectedUrl("/"));
		return session;
	}

	/** Signs in a test user, who has {@link TestUsers#PASSWORD}. */
	public static MockHttpSession signedIn(MockMvc mvc, String username) throws Exception {
		return signedIn(mvc, username, TestUsers.PASSWORD);
	}

	/** Makes a draft annual report through the API as a test user and answers its id. */
	public static long newDraft(MockMvc mvc, String staff, String regionCode, int year, String title) throws Exception {
		String body = mvc.perform(post("/api/reports").with(httpBasic(staff, TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"" + regionCode + "\",\"periodStart\":" + year + ",\"title\":\"" + title + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll("(?s)^.*?\"id\"\\s*:\\s*(\\d+).*$", "$1"));
	}

}
