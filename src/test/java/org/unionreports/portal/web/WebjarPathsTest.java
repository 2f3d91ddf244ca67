package org.unionreports.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every webjar file that a template names is served, with its type. The templates leave the version out of
 * the path (webjars-locator-lite puts in the one on the class path), so an upgrade of htmx, ECharts or
 * Bootstrap that moves or renames a file inside its jar fails here, not as a page silently without its
 * script or style.
 */
@PortalTest
class WebjarPathsTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern WEBJAR = Pattern.compile("/webjars/[^}'\"\\s()]+");

	@Autowired
	MockMvc mvc;

	@Test
	void everyWebjarFileTheTemplatesNameIsServedWithItsType() throws Exception {
		Set<String> paths = webjarPathsInTemplates();
		assertThat(paths).contains("/webjars/htmx.org/dist/htmx.min.js", "/webjars/echarts/echarts.common.min.js",
				"/webjars/bootstrap/css/bootstrap.min.css");
		for (String path : paths) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getContentType()).as(path)
				.startsWith(path.endsWith(".css") ? "text/css" : "text/javascript");
			assertThat(response.getContentAsByteArray().length).as(path).isGreaterThan(10_000);
		}
	}

	@Test
	void theScriptsAreTheLibrariesTheyAreNamedFor() throws Exception {
		// A file of the right name from another package (or an error page served as a script) would pass the
		// test above; these are what the portal's scripts call.
		String htmx = body("/webjars/htmx.org/dist/htmx.min.js");
		assertThat(htmx).contains("htmx:beforeRequest", "htmx:beforeSwap", "htmx:sendError", "htmx:xhr:");
		String echarts = body("/webjars/echarts/echarts.common.min.js");
		assertThat(echarts).contains("getDataURL", "encodeHTML");
	}

	private String body(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static Set<String> webjarPathsInTemplates() throws IOException {
		Set<String> paths = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = WEBJAR.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					paths.add(matcher.group());
				}
			}
		}
		return paths;
	}

}
