package org.unionreports.portal.dataimport;

import java.util.HashSet;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names of the regions (西昌市, 鄂尔多斯市, 泉州市 …): at the head of a figure's subject a region's name says
 * whose figure it is (泉州市总工会累计争取…), not what it counts, so it never keeps a figure off its metric.
 * Read once; regions are added rarely, and a name missed only leaves a figure long-tail.
 */
@Component
class PlaceNames {

	/** No names: for an extractor built without a database. */
	static final PlaceNames NONE = new PlaceNames(null);

	private final JdbcClient jdbc;

	private volatile Set<String> names;

	PlaceNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<String> names() {
		Set<String> known = this.names;
		if (known == null) {
			known = new HashSet<>();
			if (this.jdbc != null) {
				try {
					known.addAll(this.jdbc.sql("select name_zh from region where length(name_zh) >= 2")
						.query(String.class)
						.list());
				}
				catch (DataAccessException unavailable) {
					return known; // try again next time
				}
			}
			this.names = known;
		}
		return known;
	}

}
