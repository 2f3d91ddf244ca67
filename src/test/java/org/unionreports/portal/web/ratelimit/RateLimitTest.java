package org.unionreports.portal.web.ratelimit;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The rate limits of issue 17, finding 7, through the real filter chain with application.yml's defaults:
 * extraction per user (a request counts one, plus one per started 64 KB of body: 320 a minute), and failed sign-ins
 * per address (30 in 15 minutes, over any usernames). Each answer over a limit is 429 with Retry-After, a
 * problem detail for the API and a page in Chinese and English for people.
 */
@PortalTest
class RateLimitTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@BeforeEach
	void users() {
		this.users.ensure("rl-extract-staff", Role.STAFF, "610100");
	}

	@Test
	void extractionIsRefusedWith429AndRetryAfterOnceTheUserHasUsedTheMinutesShare() throws Exception {
		// 2.5 MB of text to the text import (extraction and store): over its own limit of 2 MB, so each is
		// answered 413 at once, but each counts all the same, 1 + 40 units: the eighth in a minute is over 320
		// (give or take what the bucket refills meanwhile).
		String text = "会".repeat(2_500_000 / 3);
		int counted = 0;
		MockHttpServletResponse refused = null;
		for (int i = 0; i < 12 && refused == null; i++) {
			MockHttpServletResponse answer = this.mvc
				.perform(post("/api/reports/{id}/text", 999_999).contentType("text/plain;charset=UTF-8").content(text)
					.with(httpBasic("rl-extract-staff", TestUsers.PASSWORD)).with(from("192.0.2.50")))
				.andReturn()
				.getResponse();
			if (answer.getStatus() == 429) {
				refused = answer;
			}
			else {
				assertThat(answer.getStatus()).isEqualTo(413);
				counted++;
			}
		}
		assertThat(counted).isBetween(7, 9);
		assertThat(refused).isNotNull();
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":429").contains("文本提取")
			.contains("text extractions");
		// The same user is refused as large a text on /api/extract too, from another address: one share for
		// all extraction...
		assertThat(extract("rl-extract-staff", "192.0.2.52", text)).isEqualTo(429);
		// ...and another user at another address is not held up by this one.
		this.users.ensure("rl-other-staff", Role.STAFF, "610100");
		assertThat(extract("rl-other-staff", "192.0.2.51", "2022年，会员 435 万人。")).isEqualTo(200);
	}

	private int extract(String user, String address, String text) throws Exception {
		return this.mvc
			.perform(post("/api/extract").contentType("text/plain;charset=UTF-8").content(text)
				.with(httpBasic(user, TestUsers.PASSWORD)).with(from(address)))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	@Test
	void oneAddressTryingManyUsernamesIsStoppedWith429AndABilingualPage() throws Exception {
		MockHttpServletResponse refused = null;
		int failures = 0;
		for (int i = 0; i < 40 && refused == null; i++) {
			MockHttpServletResponse answer = this.mvc
				.perform(post("/login").with(csrf()).param("username", "rl-spray-" + i).param("password", "guess")
					.with(from("192.0.2.60")))
				.andReturn()
				.getResponse();
			if (answer.getStatus() == 429) {
				refused = answer;
			}
			else {
				assertThat(answer.getRedirectedUrl()).isEqualTo("/login?error=bad");
				failures++;
			}
		}
		assertThat(failures).isEqualTo(30);
		assertThat(refused).isNotNull();
		assertThat(refused.getHeader("Retry-After")).isNotNull();
		String page = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused.getContentType()).startsWith("text/html");
		assertThat(page).contains("请求过于频繁").contains("Too many requests").contains("失败的登录")
			.contains("failed sign-ins");
		assertThat(page.indexOf("请求过于频繁")).isLessThan(page.indexOf("Too many requests"));
		// A real user signing in from elsewhere is not affected.
		String name = this.users.ensure("rl-elsewhere", Role.STAFF, "610100");
		assertThat(this.mvc
			.perform(post("/login").with(csrf()).param("username", name).param("password", TestUsers.PASSWORD)
				.with(from("192.0.2.61")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/");
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
