package org.unionreports.portal.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.servlet.ServletException;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/**
 * Jazzer, on what a request from anyone reaches first (issue 17): the address links are written from and
 * the body-size limit (the page cache's key has its own target, PageCacheKeyFuzzTest). A configured base
 * address is accepted only as an http(s) address with a host; a body is either passed on whole, within the
 * limit, or refused with 413, never cut short, never an error of another kind. Runs the stored inputs in
 * every build; {@code JAZZER_FUZZ=1} fuzzes for real (bounded by maxDuration).
 */
class RequestHandlingFuzzTest {

	private static final int LIMIT = 256;

	private static final RequestSizeFilter SIZE_FILTER = new RequestSizeFilter(new UploadLimits(DataSize.ofBytes(LIMIT)),
			new ProblemAnswers(JsonMapper.builder().build()));

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

}
