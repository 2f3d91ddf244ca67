package org.unionreports.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size limit on a body sent without a Content-Length (chunked), which only reading can find: the read
 * stops at the limit and the answer is 413. (Bodies with a Content-Length are refused before reading; see
 * AbuseTest.)
 */
class RequestSizeFilterTest {

	private final RequestSizeFilter filter = new RequestSizeFilter(new UploadLimits(DataSize.ofBytes(1000)),
			new ProblemAnswers(JsonMapper.builder().build()));

	@Test
	void aChunkedBodyIsCutOffAtTheLimitAndAnswered413() throws Exception {
		MockHttpServletRequest request = chunked("/api/reports/1/figures/import", 5000);
		MockHttpServletResponse response = new MockHttpServletResponse();
		long[] read = new long[1];
		this.filter.doFilter(request, response, (req, res) -> read[0] = req.getInputStream().readAllBytes().length);
		assertThat(read[0]).isZero(); // the reader never got the body
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"status\":413");
	}

	@Test
	void aPageUploadOverTheLimitGetsAPageThatNamesTheLimit() throws Exception {
		MockHttpServletRequest request = chunked("/staff/reports/1/import", 5000);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> req.getInputStream().readAllBytes());
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("上传的文件太大").contains("File too large")
			.contains("最多 1000 B");
	}

	@Test
	void aBodyWithinTheLimitIsReadWhole() throws Exception {
		MockHttpServletRequest request = chunked("/api/reports/1/figures/import", 1000);
		MockHttpServletResponse response = new MockHttpServletResponse();
		long[] read = new long[1];
		this.filter.doFilter(request, response, (req, res) -> read[0] = req.getInputStream().readAllBytes().length);
		assertThat(read[0]).isEqualTo(1000);
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws IOException, jakarta.servlet.ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/extract");
		request.setContent(new byte[1001]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean[] called = new boolean[1];
		this.filter.doFilter(request, response, (req, res) -> called[0] = true);
		assertThat(called[0]).isFalse();
		assertThat(response.getStatus()).isEqualTo(413);
	}

	private static MockHttpServletRequest chunked(String uri, int bytes) {
		MockHttpServletRequest request = new ChunkedRequest(null, "POST", uri);
		request.setContent(new byte[bytes]);
		return request;
	}

}
