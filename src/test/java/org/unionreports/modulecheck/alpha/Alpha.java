package org.unionreports.modulecheck.alpha;

import org.unionreports.modulecheck.beta.internal.Hidden;

/** Uses beta's internal type: the violation the verification must report. */
public class Alpha {

	public String reach() {
		return Hidden.secret();
	}

}
