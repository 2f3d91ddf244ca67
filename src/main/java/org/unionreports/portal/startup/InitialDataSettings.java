package org.unionreports.portal.startup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.demo-data} and {@code portal.synthetic}: what an empty database is filled with after the
 * regions and the first administrator.
 *
 * @param demoData load the three demo reports ({@code PORTAL_DEMO_DATA})
 * @param synthetic a synthetic data set in their place ({@code --portal.synthetic=national}), or none
 */
@ConfigurationProperties("portal")
record InitialDataSettings(@DefaultValue("true") boolean demoData, SyntheticSet synthetic) {

	/** The synthetic data sets there are. */
	enum SyntheticSet {

		/** Every region, ten yearly reports each and a term, a figure for every catalogue metric. */
		NATIONAL

	}

}
