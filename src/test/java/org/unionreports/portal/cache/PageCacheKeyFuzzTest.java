package org.unionreports.portal.cache;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.mock.web.MockHttpServletRequest;

import org.unionreports.portal.web.PublicAddress;

/**
 * Jazzer on the page cache's key (issue 17): two requests share a cached page only when they name the same
 * address, path, parameter pairs, representation and language; with a configured base address the host is
 * no part of it. Runs the stored inputs in every build; {@code JAZZER_FUZZ=1} fuzzes for real (bounded by
 * maxDuration).
 */
class PageCacheKeyFuzzTest {

	private static final PublicAddress UNSET = new PublicAddress(null);
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
