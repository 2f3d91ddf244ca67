package org.unionreports.portal.system;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

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
import org.unionreports.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, findings 1 and 8, in the real Tomcat: forwarded headers are believed only from the proxies
 * configured as trusted, and none is by default, so a client on the same machine (loopback, which
 * Tomcat's own default trusts) can name neither another address for the security log nor another host
 * for the links of a page. Same context as the browser tests, so it starts no server of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
@Import(TestUsers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedHeadersIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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
	void forwardedHostAndProtocolFromAClientThatIsNoTrustedProxyDoNotNameTheLinks() {
		HttpResponse<String> page = new PortalHttp(this.port).send(HttpRequest
			.newBuilder(new PortalHttp(this.port).uri("/regions/610000?metric=members&fwd=" + System.nanoTime()))
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "443"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("evil.example")
			.doesNotContain("https://localhost")
			.contains("http://localhost:" + this.port + "/regions/610000/embed");
	}

}
