package org.unionreports.portal.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.unionreports.portal.region.Region;

/**
 * Who may do what where, asked where the data is touched ({@code @PreAuthorize("@access.canEdit(#region)")}).
 * The user's role and regions are read from the database once per request, so a changed role, changed
 * regions or a disabled account take effect at once, not at the next sign-in.
 */
@Component("access")
public class Access {

	private static final String SYSTEM_AUTHORITY = "ROLE_SYSTEM";

	private static final String REQUEST_CACHE = Access.class.getName() + ".scope";

	private final JdbcClient jdbc;

	Access(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current user's scope; empty for anonymous visitors and disabled accounts. */
	public Optional<Scope> scope() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// Anonymous visitors carry an authenticated-looking token of their own; they have no scope to look up.
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		if (AuthorityUtils.authorityListToSet(authentication.getAuthorities()).contains(SYSTEM_AUTHORITY)) {
			return Optional.of(Scope.forSystem());
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Scope cached
				&& cached.username().equalsIgnoreCase(authentication.getName())) {
			return Optional.of(cached);
		}
		Optional<Scope> scope = load(authentication.getName());
		if (request != null && scope.isPresent()) {
			request.setAttribute(REQUEST_CACHE, scope.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return scope;
	}

	private Optional<Scope> load(String username) {
		record Row(String username, String role, boolean enabled, String path) {
		}
		List<Row> rows = this.jdbc.sql("""
				select u.username, u.role, u.enabled, g.path
				from app_user u left join user_region ur on ur.user_id = u.id left join region g on g.id = ur.region_id
				where lower(u.username) = lower(:username)""")
			.param("username", username)
			.query(Row.class)
			.list();
		if (rows.isEmpty() || !rows.get(0).enabled()) {
			return Optional.empty();
		}
		List<String> paths = new ArrayList<>();
		rows.stream().map(Row::path).filter(path -> path != null).forEach(paths::add);
		return Optional.of(new Scope(rows.get(0).username(), Role.valueOf(rows.get(0).role()), paths, false));
	}

	/**
	 * Drafts and everything unpublished: staff and leaders whose regions cover the region. Administrators
	 * manage users, not reports: holding the country, they would otherwise read every draft in it.
	 */
	public boolean canRead(Region region) {
		return canRead(region.getPath());
	}

	public boolean canRead(String regionPath) {
		return scope().map(scope -> scope.readsReports() && scope.covers(regionPath)).orElse(false);
	}

	/**
	 * The paths of the regions whose drafts the current user may read (each covers the regions below it);
	 * none for anonymous visitors and administrators. For queries: {@code g.path like any(...)} with a
	 * {@code %} appended.
	 */
	public List<String> readablePaths() {
		return scope().filter(Scope::readsReports)
			.map(scope -> scope.regionPaths().stream().sorted().toList())
			.orElse(List.of());
	}

	/** {@link #readablePaths()} as LIKE patterns ({@code /000000/610000/%}), for {@code g.path like any(...)}. */
	public String[] readablePathPatterns() {
		return readablePaths().stream().map(path -> path + "%").toArray(String[]::new);
	}

	/** Create and edit reports: staff whose regions cover the region. */
	public boolean canEdit(Region region) {
		return canEdit(region.getPath());
	}

	public boolean canEdit(String regionPath) {
		return scope().map(scope -> scope.is(Role.STAFF) && scope.covers(regionPath)).orElse(false);
	}

	/** Approve, return and publish: leaders whose regions cover the region. */
	public boolean canDecide(String regionPath) {
		return scope().map(scope -> scope.is(Role.LEADER) && scope.covers(regionPath)).orElse(false);
	}

	public boolean isAdmin() {
		return scope().map(scope -> scope.is(Role.ADMIN)).orElse(false);
	}

	/** The metrics at {@code /actuator/prometheus}: administrators and the scraper's account. */
	public boolean readsMetrics() {
		return scope().map(scope -> scope.is(Role.ADMIN) || scope.is(Role.METRICS)).orElse(false);
	}

	/** The scraper's account, which may read the metrics and nothing else (not even what visitors read). */
	public boolean isMetricsAccount() {
		return scope().map(scope -> !scope.system() && scope.role() == Role.METRICS).orElse(false);
	}

	/**
	 * Runs work of the portal itself (loading initial data) with the rights of the system, which may do
	 * everything everywhere; it is never a user who signs in.
	 */
	public static <T> T asSystem(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext system = SecurityContextHolder.createEmptyContext();
		system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
				AuthorityUtils.createAuthorityList(SYSTEM_AUTHORITY)));
		SecurityContextHolder.setContext(system);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
