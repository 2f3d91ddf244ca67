package org.unionreports.portal.cache;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.unionreports.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Anonymous pages kept whole until the data changes, with ETags; never for signed-in readers. */
@PortalTest
class PublicPageCacheTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSecondAnonymousVisitorGetsTheSameBytesWithTheSecurityHeaders() throws Exception {
		// A change is heard twice (this portal's commit, then PostgreSQL's notification): the page is kept
		// once both have moved the version.
		MockHttpServletResponse[] last = new MockHttpServletResponse[2];
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			last[0] = last[1];
			last[1] = this.mvc.perform(get("/regions/650000?period=2018-2022")).andReturn().getResponse();
			return "hit".equals(last[1].getHeader(PublicPageCache.HIT_HEADER)) && last[0] != null;
		});
		MockHttpServletResponse first = last[0];
		MockHttpServletResponse second = last[1];
		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(second.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
		assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).isNotBlank();
		this.mvc.perform(get("/regions/650000?period=2018-2022").header("If-None-Match", first.getHeader("ETag")))
			.andExpect(status().isNotModified());
		// Another address is another page: a search is never answered with the home page kept before it.
		this.mvc.perform(get("/"));
		assertThat(this.mvc.perform(get("/").param("q", "西安")).andReturn().getResponse().getContentAsString())
			.contains("/regions/610100");
	}

	@Test
	void aChangeToTheDataIsInTheNextAnswer() throws Exception {
		await().atMost(Duration.ofSeconds(5)).until(() -> "hit".equals(this.mvc.perform(get("/api/regions/650000"))
			.andReturn().getResponse().getHeader(PublicPageCache.HIT_HEADER)));
		this.transactions.executeWithoutResult(tx -> this.jdbc.sql("update region set name_en = name_en where code = '650000'").update());
		this.mvc.perform(get("/api/regions/650000")).andExpect(header().string(PublicPageCache.HIT_HEADER, "miss"));
	}

	@Test
	void signedInReadersAndLanguageSwitchesAreNeverServedFromIt() throws Exception {
		this.mvc.perform(get("/regions/650000").with(user("someone").roles("STAFF")))
			.andExpect(header().doesNotExist(PublicPageCache.HIT_HEADER));
		this.mvc.perform(get("/regions/650000").param("lang", "en"))
			.andExpect(header().doesNotExist(PublicPageCache.HIT_HEADER));
	}

	@Test
	void readersWhoMissTogetherShareOneRendering() throws Exception {
		// Move the version on and let both of its announcements arrive, so that nothing else moves it below.
		this.transactions.executeWithoutResult(tx -> this.jdbc.sql("update region set name_en = name_en where code = '650000'").update());
		await().atMost(Duration.ofSeconds(5)).until(() -> "hit".equals(this.mvc.perform(get("/api/regions/650000"))
			.andReturn().getResponse().getHeader(PublicPageCache.HIT_HEADER)));
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(12);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 12; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return this.mvc.perform(get("/regions/650000?period=2018-2022&metric=members"))
						.andReturn()
						.getResponse()
						.getHeader(PublicPageCache.HIT_HEADER);
				}));
			}
			start.countDown();
			List<String> how = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<String> answer : answers) {
				how.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(how).isSubsetOf("miss", "shared", "hit");
			assertThat(how).filteredOn("miss"::equals).hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
	}


	/** Asks until the page is kept (the version settles after a change), then answers the next request. */
	private MockHttpServletResponse keptThen(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder first,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder second) throws Exception {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> "hit".equals(this.mvc.perform(first).andReturn().getResponse().getHeader(PublicPageCache.HIT_HEADER)));
		return this.mvc.perform(second).andReturn().getResponse();
	}

	@Test
	void aPageKeptForAnotherHostIsNeverServedToThisOne() throws Exception {
		// Issue 17, finding 1: one request naming evil.example must not make every later visitor's embed code
		// point there.
		MockHttpServletResponse evil = this.mvc.perform(get("/regions/650000?metric=grassroots_unions").header("Host", "evil.example"))
			.andReturn()
			.getResponse();
		assertThat(evil.getContentAsString()).as("the page names the host it was asked for").contains("evil.example");
		MockHttpServletResponse plain = keptThen(get("/regions/650000?metric=grassroots_unions").header("Host", "evil.example"),
				get("/regions/650000?metric=grassroots_unions"));
		assertThat(plain.getContentAsString()).doesNotContain("evil.example");
	}

	@Test
	void anAnswerKeptInAnotherRepresentationIsNeverServedForTheDefault() throws Exception {
		// Finding 2: YAML asked for first, then a plain request: JSON, and the cache says it varies by Accept.
		MockHttpServletResponse plain = keptThen(get("/api/regions/650000").header("Accept", "application/yaml"),
				get("/api/regions/650000"));
		assertThat(plain.getContentType()).startsWith("application/json");
		assertThat(plain.getHeader("Vary")).contains("Accept");
	}

	@Test
	void parametersThatJoinAlikeAreDifferentPages() throws Exception {
		// Finding 3: metric=covered_units%26period%3D2018-2022 is one parameter, not two.
		// (A URI, not a template: MockMvc would decode a template's %26 into a second parameter.)
		MockHttpServletResponse split = keptThen(get(java.net.URI.create("/regions/650000?metric=covered_units%26period%3D2018-2022")),
				get(java.net.URI.create("/regions/650000?metric=covered_units&period=2018-2022")));
		assertThat(split.getHeader(PublicPageCache.HIT_HEADER)).isNotEqualTo("hit");
		assertThat(split.getContentAsString()).contains("<option value=\"2018-2022\" selected=\"selected\">");
	}

}
