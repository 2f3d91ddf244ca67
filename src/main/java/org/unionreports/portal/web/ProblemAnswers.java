package org.unionreports.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The answers a filter gives in place of the application when it cannot or must not run (the database
 * away, a body too large): a static page in Chinese and English for people (pages/frame.html around
 * pages/&lt;name&gt;.html), a problem detail for the API. Nothing in them needs the database or a template.
 */
@Component
public class ProblemAnswers {

	private final JsonMapper json;

	private final String frame;

	ProblemAnswers(JsonMapper json) {
		this.json = json;
		this.frame = resource("frame");
	}

	/** The page {@code pages/<name>.html} in the frame, its {@code {placeholders}} filled in. */
	public byte[] page(String name, String title, Map<String, String> values) {
		String main = resource(name);
		for (Map.Entry<String, String> value : values.entrySet()) {
			main = main.replace("{" + value.getKey() + "}", value.getValue());
		}
		return this.frame.replace("{title}", title).replace("{main}", main).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Replaces whatever the response held with the answer: the page, or for {@code /api/**} the problem, with
	 * these headers besides.
	 */
	public void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail, byte[] page,
			Map<String, String> headers) throws IOException {
		response.reset();
		response.setStatus(status.value());
		headers.forEach(response::setHeader);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getOutputStream().write(page);
		}
	}

	private static String resource(String name) {
		try (InputStream in = new ClassPathResource("pages/" + name + ".html").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
