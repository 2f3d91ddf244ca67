package org.unionreports.portal.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import org.unionreports.portal.PortalHttp;
import org.unionreports.portal.TestDataDirectory;
import org.unionreports.portal.TestFigures;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionLevel;
import org.unionreports.portal.region.RegionTree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, findings 1 and 8, in the real Tomcat: forwarded headers are believed only from the proxies
 * configured as trusted, and none is by default, so a client on the same machine (loopback, which
 * Tomcat's own default trusts) can name neither another address for the security log nor another host
 * for the links of a page; and opening the sign-in page, as every crawler does, makes no session row.
 * Same context as the browser tests, so it starts no server of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
@Import(TestUsers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealServerHardeningIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	RegionTree tree;

	@Test
	void aForwardedForFromAClientThatIsNoTrustedProxyIsNotLoggedAsItsAddress() {
		String probe = "fwd-probe-" + System.nanoTime();
		HttpResponse<String> answer = new PortalHttp(this.port).send(HttpRequest
			.newBuilder(new PortalHttp(this.port).uri("/api/reports/1"))
			.header("Authorization", PortalHttp.basic(probe, "not-the-password"))
			.header("X-Forwarded-For", "203.0.113.9"));
		assertThat(answer.statusCode()).isEqualTo(401);
		List<String> addresses = this.jdbc
			.sql("select remote_address from security_event where subject = ? and type = 'LOGIN_FAILED'")
			.param(probe)
			.query(String.class)
			.list();
		assertThat(addresses).as("the address the failed sign-in is recorded from").isNotEmpty()
			.allSatisfy((address) -> assertThat(address).isNotEqualTo("203.0.113.9").startsWith("127."));
	}

	@Test
	void openingTheSignInPageMakesNoSessionAndItsFormStillSignsIn() {
		this.users.ensure("rs-staff", Role.STAFF, "610100");
		PortalHttp http = new PortalHttp(this.port);
		long start = System.currentTimeMillis();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(http.uri("/login")));
		assertThat(page.statusCode()).isEqualTo(200);
		List<String> cookies = page.headers().allValues("Set-Cookie");
		assertThat(cookies).as("cookies set by the sign-in page").noneMatch(c -> c.startsWith("SESSION="));
		assertThat(sessionsSince(start)).as("session rows made by an anonymous visit to the sign-in page").isZero();

		// The token is in the form and in its own cookie, as a browser has them.
		String tokenCookie = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).as("the form's CSRF field").isTrue();
		String form = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
				+ "&username=rs-staff&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(http.uri("/login"))
			.header("Cookie", tokenCookie.substring(0, tokenCookie.indexOf(';')))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION="));

		HttpResponse<String> forged = http.send(HttpRequest.newBuilder(http.uri("/login"))
			.header("Cookie", tokenCookie.substring(0, tokenCookie.indexOf(';')))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=rs-staff&password=x")));
		assertThat(forged.statusCode()).as("a sign-in without the form's token").isEqualTo(403);

		// The pages' scripts (the extraction review's JSON post) send the form's token in X-CSRF-TOKEN.
		HttpResponse<String> scripted = http.send(HttpRequest.newBuilder(http.uri("/login"))
			.header("Cookie", tokenCookie.substring(0, tokenCookie.indexOf(';')))
			.header("X-CSRF-TOKEN", token.group(1))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=rs-staff&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8))));
		assertThat(scripted.statusCode()).as("a sign-in with the token in the scripts' header").isEqualTo(302);
		assertThat(scripted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
	}

	private int sessionsSince(long millis) {
		return this.jdbc.sql("select count(*) from spring_session where creation_time >= ?")
			.param(millis)
			.query(Integer.class)
			.single();
	}

	@Test
	void forwardedHostAndProtocolFromAClientThatIsNoTrustedProxyDoNotNameTheLinks() {
		// A region of its own with a published figure, so that its page has the embed code whatever ran before.
		Region zone = Access.asSystem(() -> this.tree.addWithOwnCode(this.tree.find("540100").orElseThrow(),
				"转发测试新区", "Forwarding zone", RegionLevel.ZONE));
		TestFigures figures = new TestFigures(this.jdbc);
		figures.figure(figures.report(zone, 2022, 2022, "PUBLISHED"), "members", 12_000, "exact");
		String path = "/regions/" + zone.getCode();
		HttpResponse<String> page = new PortalHttp(this.port).send(HttpRequest
			.newBuilder(new PortalHttp(this.port).uri(path + "?metric=members&fwd=" + System.nanoTime()))
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "443"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("evil.example")
			.doesNotContain("https://localhost")
			.contains("http://localhost:" + this.port + path + "/embed");
	}

}
