package org.unionreports.portal.metric;

import java.util.Arrays;
import java.util.Optional;

/** The families of union statistics; members, competitions and aid funds are the headline three. */
public enum Family {

	MEMBERSHIP, COMPETITION, HONOURS, AID, RIGHTS, SERVICES, IDEOLOGY, REFORM, SELFBUILD, OTHER;

	/** The form used in the database and the exchange format: {@code membership}. */
	public String code() {
		return name().toLowerCase();
	}

	public String messageKey() {
		return "family." + code();
	}

	public static Optional<Family> fromCode(String code) {
		return Arrays.stream(values()).filter(f -> f.code().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
	}

}
