package org.unionreports.portal.identity;

import java.util.List;

import org.unionreports.portal.region.Region;

/**
 * Where the current user may act: the role, and the paths of the regions held. A region is covered when
 * it is one of them or lies below one.
 */
public record Scope(String username, Role role, List<String> regionPaths, boolean system) {

	static Scope forSystem() {
		return new Scope("system", null, List.of("/"), true);
	}

	public boolean covers(Region region) {
		return covers(region.getPath());
	}

	public boolean covers(String regionPath) {
		return this.system || this.regionPaths.stream().anyMatch(regionPath::startsWith);
	}

	/** Staff and leaders work on reports, and so read their drafts; administrators manage users only. */
	public boolean readsReports() {
		return this.system || this.role == Role.STAFF || this.role == Role.LEADER;
	}

	public boolean is(Role wanted) {
		return this.system || this.role == wanted;
	}

}
