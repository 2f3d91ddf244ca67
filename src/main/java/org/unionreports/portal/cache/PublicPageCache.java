package org.unionreports.portal.cache;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.unionreports.portal.web.PublicAddress;

/**
 * What anonymous visitors read — dashboards, reports, exports, the public API — kept whole, as sent, under
 * the {@link DataChanges} version: the second visitor of the country's dashboard gets the bytes the first
 * one got, until any figure or report changes. Each answer carries an ETag; a request whose If-None-Match
 * matches gets 304.
 * <p>
 * Only plain anonymous GETs are served from here: no session, no Authorization header, no {@code lang}
 * parameter (that one sets a cookie). A response that sets a cookie, or is not a 200, is never kept. It
 * runs after Spring Security, whose headers every answer still gets.
 * <p>
 * After a change, the readers who ask for the same page while it is being rendered wait for that one
 * rendering ({@code X-Portal-Cache: shared}) instead of each rendering it again.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
public class PublicPageCache extends OncePerRequestFilter {

	static final String HIT_HEADER = "X-Portal-Cache";

	private static final Pattern PUBLIC = Pattern.compile("^/($|regions/|reports/\\d+($|/export\\.|/summary)|api/regions)");

	private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE,
			HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.VARY);

	/**
	 * What makes two requests the same page: the address they were asked at when no public address is
	 * configured (absolute links in a page, such as its embed code, then name it), the path, every parameter as a decoded name and value pair, the
	 * representation asked for, the language and the data's version.
	 */
	record Key(String origin, String uri, List<List<String>> parameters, String accept, String language,
			long version) {

		/** The key of a request, for the data's version: what it names, never joined into one text. */
		static Key of(HttpServletRequest request, PublicAddress address, long version) {
			return new Key(address.cacheKeyPart(request), request.getRequestURI(), PublicPageCache.parameters(request),
					String.valueOf(request.getHeader(HttpHeaders.ACCEPT)), PublicPageCache.language(request), version);
		}

	}

	/** A page as sent, with the address pattern it was mapped by (for the request metrics of a hit). */
	private record Page(byte[] body, Map<String, String> headers, String etag, String pattern) {
	}

	private final DataChanges changes;

	private final Cache<Key, Page> pages;

	private static final long SHARED_RENDER_WAIT_SECONDS = 10;

	/** The pages being rendered now, for the readers who ask for the same one meanwhile. */
	private final ConcurrentHashMap<Key, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();

	private final PublicAddress address;

	PublicPageCache(DataChanges changes, PublicAddress address, MeterRegistry meters, CacheSettings settings) {
		this.changes = changes;
		this.address = address;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(settings.pageCache().maxMegabytes() * 1024 * 1024)
			.weigher((Key key, Page page) -> page.body().length + 512)
			.recordStats()
			.build();
		// Hits and misses as cache.gets{cache=public.pages}; how full it is against portal.page-cache.max-megabytes.
		CaffeineCacheMetrics.monitor(meters, this.pages, "public.pages");
		Gauge.builder("portal.page.cache.weight", this.pages,
				pages -> pages.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L))
			.description("Bytes of pages kept for anonymous visitors")
			.baseUnit("bytes")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getRequestedSessionId() != null || request.getSession(false) != null || signedIn()
				|| request.getParameter("lang") != null || !PUBLIC.matcher(request.getRequestURI()).find();
	}

	/** Signed in however (session, token, a test's principal): such a reader may see drafts. */
	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		OptionalLong version = this.changes.version();
		if (version.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Key key = Key.of(request, this.address, version.getAsLong());
		Page page = this.pages.getIfPresent(key);
		if (page != null) {
			send(page, request, response, "hit");
			return;
		}
		// After a change every reader misses at once: one renders the page, the others wait for it.
		CompletableFuture<Page> mine = new CompletableFuture<>();
		CompletableFuture<Page> other = this.rendering.putIfAbsent(key, mine);
		if (other != null) {
			Page shared = awaitOther(other);
			if (shared != null) {
				send(shared, request, response, "shared");
				return;
			}
			render(key, request, response, chain, null);
			return;
		}
		try {
			render(key, request, response, chain, mine);
		}
		finally {
			mine.complete(null); // not kept, or failed: the waiting readers render for themselves
			this.rendering.remove(key, mine);
		}
	}

	/**
	 * Renders the page, keeps it when it may be kept, hands it to the readers waiting for it ({@code done},
	 * before this reader's own copy is sent, however slowly this reader takes it), then sends it.
	 */
	private void render(Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			CompletableFuture<Page> done) throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (wrapper.getStatus() != HttpServletResponse.SC_OK || wrapper.containsHeader(HttpHeaders.SET_COOKIE)
				|| request.getSession(false) != null) {
			wrapper.copyBodyToResponse();
			return;
		}
		byte[] body = wrapper.getContentAsByteArray();
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : KEPT_HEADERS) {
			String value = name.equals(HttpHeaders.CONTENT_TYPE) ? wrapper.getContentType() : wrapper.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		// The answer depends on what was asked for (JSON, YAML, HTML): say so to every cache on the way.
		headers.merge(HttpHeaders.VARY, HttpHeaders.ACCEPT,
				(kept, accept) -> kept.contains(accept) ? kept : kept + ", " + accept);
		Page page = new Page(body, headers, etag(body),
				request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern ? pattern
						: null);
		this.pages.put(key, page);
		if (done != null) {
			done.complete(page);
		}
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setHeader(HIT_HEADER, "miss");
		response.setHeader(HttpHeaders.VARY, page.headers().get(HttpHeaders.VARY));
		wrapper.copyBodyToResponse();
	}

	private static Page awaitOther(CompletableFuture<Page> other) {
		try {
			return other.get(SHARED_RENDER_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	private static void send(Page page, HttpServletRequest request, HttpServletResponse response, String how)
			throws IOException {
		// No handler runs for a page sent from here: name its pattern, or the request metrics would say UNKNOWN.
		if (page.pattern() != null) {
			ServerHttpObservationFilter.findObservationContext(request)
				.ifPresent(context -> context.setPathPattern(page.pattern()));
		}
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setHeader(HIT_HEADER, how);
		String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (match != null && match.contains(page.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		page.headers().forEach(response::setHeader);
		response.setContentLength(page.body().length);
		response.getOutputStream().write(page.body());
	}

	/**
	 * The request's parameters in a fixed order, each a decoded name and value kept apart, never joined into
	 * one text: {@code metric=members%26period%3D2018-2022} is one parameter, not two.
	 */
	private static List<List<String>> parameters(HttpServletRequest request) {
		List<List<String>> pairs = new ArrayList<>();
		new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
			for (String value : values) {
				pairs.add(List.of(name, value));
			}
		});
		return List.copyOf(pairs);
	}

	/** The page's language as the locale resolver would choose it: the portal-lang cookie, else Chinese. */
	private static String language(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if ("portal-lang".equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return "";
	}

	private static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
