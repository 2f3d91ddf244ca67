package org.unionreports.portal.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refuses a request body larger than {@code portal.upload.max-size} (20 MB unless set) with 413, before
 * anything reads it: at once when its Content-Length says so, and as soon as a body sent without one
 * passes the limit. People get a page in Chinese and English that names the limit; the API a problem
 * detail. Multipart uploads have the same limit (application.yml).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestSizeFilter.class);

	private final long maxBytes;

	private final ProblemAnswers answers;

	private final byte[] page;

	RequestSizeFilter(UploadLimits limits, ProblemAnswers answers) {
		DataSize maxSize = limits.maxSize();
		this.maxBytes = maxSize.toBytes();
		this.answers = answers;
		this.page = answers.page("too-large", "文件太大 · File too large", Map.of("limit", readable(maxSize)));
	}

	/** The limit as people read it, exactly: 20 MB, 1536 KB, 1000 B. */
	static String readable(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			tooLarge(request, response);
			return;
		}
		try {
			chain.doFilter(new Limited(request, this.maxBytes), response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !causedByTooLarge(ex)) {
				throw ex;
			}
			tooLarge(request, response);
		}
	}

	private static boolean causedByTooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof BodyTooLargeException || cause instanceof MaxUploadSizeExceededException) {
				return true;
			}
		}
		return false;
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.info("{} {} refused with 413: the body is larger than {} bytes", request.getMethod(), request.getRequestURI(),
				this.maxBytes);
		// The rest of an over-long body is not read: close the connection rather than drain it.
		this.answers.send(request, response, HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the limit of " + this.maxBytes + " bytes.", this.page,
				Map.of(HttpHeaders.CONNECTION, "close"));
	}

	/**
	 * Thrown by a body read past the limit; the filter answers 413 wherever it surfaces. Unchecked, so that
	 * Spring's message converters, which turn an IOException into "400 unreadable body", let it through.
	 */
	static final class BodyTooLargeException extends UncheckedIOException {

		BodyTooLargeException(long maxBytes) {
			super(new IOException("the request body is larger than " + maxBytes + " bytes"));
		}

	}

	/** The request with its body cut off at the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		LimitedStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new BodyTooLargeException(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
