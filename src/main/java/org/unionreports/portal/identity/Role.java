package org.unionreports.portal.identity;

/** What a user may do; where is set by the regions the user holds. */
public enum Role {

	/** Users, regions and the metric catalogue. */
	ADMIN,
	/** Sees what staff see in scope; approves, returns and publishes reports. */
	LEADER,
	/** Creates and edits the reports of the regions held and every region below. */
	STAFF,
	/**
	 * The operator's metrics scraper: reads {@code /actuator/prometheus} with HTTP Basic and nothing else. It
	 * signs in to no page, calls no API and holds no region.
	 */
	METRICS;

	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "role." + name().toLowerCase();
	}

}
