package org.unionreports.portal.system;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.servlet.ServletException;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import org.unionreports.portal.shared.web.PublicAddress;

import tools.jackson.databind.json.JsonMapper;

/**
 * Jazzer, on what a request from anyone reaches first (issue 17): the page cache's key, the host a link
 * is written from, and the body-size limit. Two requests share a cached page only when they name the same
 * address, path, parameter pairs, representation and language; a configured base address is accepted
 * only as an http(s) address with a host; a body is either passed on whole, within the limit, or refused
 * with 413, never cut short, never an error of another kind. Runs the stored inputs in every build;
 * {@code JAZZER_FUZZ=1} fuzzes for real (bounded by maxDuration).
 */
class RequestHandlingFuzzTest {

	private static final PublicAddress UNSET = new PublicAddress(null);

	private static final int LIMIT = 256;

	private static final RequestSizeFilter SIZE_FILTER = new RequestSizeFilter(DataSize.ofBytes(LIMIT),
			new ProblemAnswers(JsonMapper.builder().build()));

	@FuzzTest(maxDuration = "20s")
	void pageCacheKeysAreEqualExactlyWhenTheRequestsAreTheSame(FuzzedDataProvider data) {
		MockHttpServletRequest first = request(data);
		MockHttpServletRequest second = data.consumeBoolean() ? copy(first) : request(data);
		PublicPageCache.Key one = PublicPageCache.Key.of(first, UNSET, 7);
		PublicPageCache.Key two = PublicPageCache.Key.of(second, UNSET, 7);
		boolean same = first.getRequestURI().equals(second.getRequestURI())
				&& pairs(first).equals(pairs(second))
				&& String.valueOf(first.getHeader("Accept")).equals(String.valueOf(second.getHeader("Accept")))
				&& String.valueOf(first.getHeader("Host")).equals(String.valueOf(second.getHeader("Host")))
				&& first.getServerName().equals(second.getServerName());
		if (same != one.equals(two)) {
			throw new AssertionError("requests " + describe(first) + " and " + describe(second) + " have "
					+ (same ? "different" : "the same") + " keys: " + one + " / " + two);
		}
		if (one.equals(PublicPageCache.Key.of(first, UNSET, 8))) {
			throw new AssertionError("a key outlived a change of the data: " + one);
		}
		// With the base address configured the host is no part of the key: every host gets the one page.
		PublicAddress configured = new PublicAddress(URI.create("https://gonghui.example.cn"));
		MockHttpServletRequest otherHost = copy(first);
		otherHost.addHeader("Host", "x" + data.consumeString(20));
		if (!PublicPageCache.Key.of(first, configured, 7).equals(PublicPageCache.Key.of(otherHost, configured, 7))) {
			throw new AssertionError("with a configured address the host changed the key: " + describe(first));
		}
	}

	@FuzzTest(maxDuration = "20s")
	void aBaseAddressIsAnHttpAddressWithAHostOrRefused(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException notAnAddress) {
			return;
		}
		try {
			PublicAddress address = new PublicAddress(uri);
			String base = address.base();
			URI parsed = URI.create(base);
			if (!(base.startsWith("http://") || base.startsWith("https://")) || parsed.getHost() == null
					|| base.endsWith("/") || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
				throw new AssertionError("accepted " + text + " as " + base);
			}
		}
		catch (IllegalArgumentException refused) {
			if (!refused.getMessage().contains("PORTAL_BASE_URL")) {
				throw new AssertionError("refused " + text + " without naming the setting", refused);
			}
		}
	}

	@FuzzTest(maxDuration = "20s")
	void aBodyIsPassedWholeWithinTheLimitOrRefusedWith413(FuzzedDataProvider data)
			throws ServletException, IOException {
		boolean api = data.consumeBoolean();
		boolean declared = data.consumeBoolean();
		long declaredLength = data.consumeLong(-1, 10L * LIMIT);
		byte[] body = data.consumeBytes(4 * LIMIT);
		// What the client says of the body's length (nothing, as with chunked encoding, or any number,
		// true or not) is its own; what it sends is the body.
		long length = declared ? declaredLength : -1;
		MockHttpServletRequest request = new MockHttpServletRequest("POST", api ? "/api/extract" : "/staff/reports") {
			@Override
			public long getContentLengthLong() {
				return length;
			}

			@Override
			public int getContentLength() {
				return (int) length;
			}
		};
		request.setContent(body);
		MockHttpServletResponse response = new MockHttpServletResponse();
		byte[][] read = new byte[1][];
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) throws IOException {
				read[0] = req.getInputStream().readAllBytes();
			}
		});
		SIZE_FILTER.doFilter(request, response, chain);
		boolean tooLarge = body.length > LIMIT || length > LIMIT;
		if (tooLarge) {
			if (response.getStatus() != 413) {
				throw new AssertionError("a body of " + body.length + " bytes (declared "
						+ length + ") over the limit of " + LIMIT + " got " + response.getStatus());
			}
		}
		else if (response.getStatus() != 200 || read[0] == null || read[0].length != body.length) {
			throw new AssertionError("a body of " + body.length + " bytes within the limit was not passed whole: "
					+ response.getStatus());
		}
	}

	private static MockHttpServletRequest request(FuzzedDataProvider data) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/regions/" + data.consumeString(8));
		request.setServerName(data.consumeBoolean() ? "localhost" : "portal");
		if (data.consumeBoolean()) {
			// A host as Tomcat lets it through (it answers 400 to a Host header that is no host name), with
			// a port or without.
			String host = data.consumeString(24).replaceAll("[^A-Za-z0-9.-]", "");
			request.addHeader("Host", data.consumeBoolean() ? host : host + ":" + data.consumeInt(1, 65535));
		}
		if (data.consumeBoolean()) {
			request.addHeader("Accept", data.consumeString(24));
		}
		int count = data.consumeInt(0, 4);
		for (int i = 0; i < count; i++) {
			request.addParameter(data.consumeString(12), data.consumeString(24));
		}
		return request;
	}

	private static MockHttpServletRequest copy(MockHttpServletRequest original) {
		MockHttpServletRequest copy = new MockHttpServletRequest("GET", original.getRequestURI());
		copy.setServerName(original.getServerName());
		if (original.getHeader("Host") != null) {
			copy.addHeader("Host", original.getHeader("Host"));
		}
		if (original.getHeader("Accept") != null) {
			copy.addHeader("Accept", original.getHeader("Accept"));
		}
		// The same pairs in another order: the key must not depend on it.
		List<Map.Entry<String, String[]>> entries = new ArrayList<>(original.getParameterMap().entrySet());
		java.util.Collections.reverse(entries);
		entries.forEach(e -> copy.addParameter(e.getKey(), e.getValue()));
		return copy;
	}

	private static Map<String, List<String>> pairs(MockHttpServletRequest request) {
		Map<String, List<String>> pairs = new TreeMap<>();
		request.getParameterMap().forEach((name, values) -> pairs.put(name, List.of(values)));
		return pairs;
	}

	private static String describe(MockHttpServletRequest request) {
		return request.getRequestURI() + " " + pairs(request) + " Host=" + request.getHeader("Host") + " Accept="
				+ request.getHeader("Accept");
	}

}
