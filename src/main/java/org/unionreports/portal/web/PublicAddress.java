package org.unionreports.portal.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address the portal is known by to the public ({@code portal.base-url}, environment
 * {@code PORTAL_BASE_URL}), from which every absolute link is written: embed codes, the permalinks of
 * exports. Set, no request can change what those links name, so a page cached for one visitor is right
 * for all. Unset, links follow the address each request was made at, and the page cache keeps apart the
 * pages of each address.
 *
 * @param baseUrl an absolute http or https address without query or fragment, e.g.
 * {@code https://gonghui.example.cn} or {@code https://example.cn/portal}
 */
@ConfigurationProperties("portal")
public record PublicAddress(URI baseUrl) {

	public PublicAddress {
		if (baseUrl != null) {
			String scheme = baseUrl.getScheme();
			if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
					|| !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
					|| baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null
					|| baseUrl.getRawUserInfo() != null) {
				throw new IllegalArgumentException("PORTAL_BASE_URL must be an http or https address with a host "
						+ "and nothing after the path, such as https://gonghui.example.cn, not " + baseUrl);
			}
			// Written as links are compared and cached: scheme and host in lower case, no trailing slash.
			String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceFirst("/+$", "");
			baseUrl = URI.create(scheme.toLowerCase(Locale.ROOT) + "://"
					+ baseUrl.getRawAuthority().toLowerCase(Locale.ROOT) + path);
		}
	}

	/** Whether links are written from the configured address rather than from each request's. */
	public boolean configured() {
		return this.baseUrl != null;
	}

	/** The address links start with, without a trailing slash: the configured one, else the request's. */
	public String base() {
		return this.baseUrl != null ? this.baseUrl.toString()
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/** The part of a cache key that stands for the address, empty when the address is configured. */
	public String cacheKeyPart(HttpServletRequest request) {
		if (this.baseUrl != null) {
			return "";
		}
		return request.getScheme() + "://" + request.getHeader("Host") + "|" + request.getServerName() + ":"
				+ request.getServerPort() + request.getContextPath();
	}

}
