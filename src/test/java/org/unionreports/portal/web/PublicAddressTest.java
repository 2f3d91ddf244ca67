package org.unionreports.portal.web;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.OwnTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17, finding 1: with {@code PORTAL_BASE_URL} set, every absolute link names it, whatever host a
 * request claims, and the page cache keeps one page for all hosts.
 */
@SpringBootTest(properties = "portal.base-url=https://gonghui.example.cn/")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = OwnTestDatabase.class)
@DirtiesContext
class PublicAddressTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theEmbedCodeNamesTheConfiguredAddressWhateverHostTheRequestNames() throws Exception {
		String page = this.mvc
			.perform(get("/regions/610000").header("Host", "evil.example")
				.header("X-Forwarded-Host", "evil.example")
				.header("X-Forwarded-Proto", "http"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("https://gonghui.example.cn/regions/610000/embed").doesNotContain("evil.example");
		// Cached for anonymous visitors: the next visitor, at the real address, gets the same right page.
		String next = this.mvc.perform(get("/regions/610000"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(next).contains("https://gonghui.example.cn/regions/610000/embed").doesNotContain("evil.example");
	}

	@Test
	void anExportsPermalinkNamesTheConfiguredAddress() throws Exception {
		String csv = this.mvc.perform(get("/reports/1/export.csv").header("Host", "evil.example"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("https://gonghui.example.cn/reports/1").doesNotContain("evil.example");
	}

	@Test
	void theEnvironmentVariableSetsTheAddressWithoutItsTrailingSlash() {
		PublicAddress address = bind(Map.of("PORTAL_BASE_URL", "https://example.cn/portal/"));
		assertThat(address.configured()).isTrue();
		assertThat(address.base()).isEqualTo("https://example.cn/portal");
		assertThat(new PublicAddress(URI.create("HTTPS://GongHui.Example.CN:8443//")).base())
			.isEqualTo("https://gonghui.example.cn:8443");
	}

	@Test
	void anAddressThatCannotStartLinksStopsThePortalWithASentenceNamingTheSetting() {
		for (String wrong : new String[] { "gonghui.example.cn", "ftp://example.cn", "https://example.cn/?a=b",
				"https://user@example.cn", "https:///path" }) {
			assertThatThrownBy(() -> bind(Map.of("PORTAL_BASE_URL", wrong))).as(wrong)
				.isInstanceOf(BindException.class)
				.rootCause()
				.hasMessageContaining("PORTAL_BASE_URL must be an http or https address");
		}
	}

	private static PublicAddress bind(Map<String, Object> environment) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", environment));
		return Binder.get(env).bindOrCreate("portal", PublicAddress.class);
	}

}
