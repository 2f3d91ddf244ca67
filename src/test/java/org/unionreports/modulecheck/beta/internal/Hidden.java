package org.unionreports.modulecheck.beta.internal;

/** Internal to beta: public for beta's own packages, not for other modules. */
public class Hidden {

	public static String secret() {
		return "internal";
	}

}
