package org.unionreports.portal.web;

import jakarta.servlet.ServletContext;

import org.springframework.mock.web.MockHttpServletRequest;

/** A request whose body has no declared length, as with chunked transfer encoding. */
class ChunkedRequest extends MockHttpServletRequest {

	ChunkedRequest(ServletContext context, String method, String uri) {
		super(context, method, uri);
	}

	@Override
	public int getContentLength() {
		return -1;
	}

	@Override
	public long getContentLengthLong() {
		return -1;
	}

}
