package org.unionreports.portal.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the form posts that carry a field set per figure itself, with room for {@value #MAX_FIELDS} fields
 * where Tomcat stops at 1,000 (server.tomcat.max-parameter-count) and answers a bare 400: the figure grid
 * (eight fields per figure outside the catalogue, four per catalogue metric) and the extraction review
 * (twenty per proposed figure) of a report of 500 figures send several thousand. Only these two pages get
 * the room; every other form keeps Tomcat's limit. Their body is still limited by {@link RequestSizeFilter},
 * which runs first. The review page's script sends JSON instead; this is for the page without it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class LongFormFilter extends OncePerRequestFilter {

	/** Room for 2,000 figures in the grid or 1,000 in the review. */
	static final int MAX_FIELDS = 20_000;

	private static final Pattern PATHS = Pattern.compile("/staff/reports/\\d+/(figures|extract/accept)");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type))
				|| !PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
				: Charset.forName(request.getCharacterEncoding());
		Map<String, List<String>> fields = new LinkedHashMap<>();
		int count = parse(new String(request.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1), charset,
				fields, 0);
		if (count > MAX_FIELDS) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		// With the body read, the container's own parameters are those of the query string only.
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		fields.forEach((name, values) -> parameters.putIfAbsent(name, values.toArray(String[]::new)));
		chain.doFilter(new Parsed(request, Collections.unmodifiableMap(parameters)), response);
	}

	/** Adds the fields of {@code a=1&b=2} (ASCII as sent, percent-encoded in {@code charset}). */
	private static int parse(String encoded, Charset charset, Map<String, List<String>> fields, int count) {
		if (encoded == null || encoded.isEmpty()) {
			return count;
		}
		int start = 0;
		while (start <= encoded.length() && count <= MAX_FIELDS) {
			int end = encoded.indexOf('&', start);
			if (end < 0) {
				end = encoded.length();
			}
			if (end > start) {
				String pair = encoded.substring(start, end);
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
				String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
				fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
				count++;
			}
			start = end + 1;
		}
		return count;
	}

	/** The request with its fields read, and its body consumed. */
	private static final class Parsed extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Parsed(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = parameters;
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = this.parameters.get(name);
			return values == null ? null : values.clone();
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
			return new ServletInputStream() {

				@Override
				public int read() {
					return empty.read();
				}

				@Override
				public boolean isFinished() {
					return true;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body has been read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
