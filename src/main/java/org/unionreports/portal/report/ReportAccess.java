package org.unionreports.portal.report;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.unionreports.portal.identity.Access;

/**
 * The access rules applied to one report, for {@code @PreAuthorize("@reportAccess.canEdit(#reportId)")}: the
 * report's region decides whose scope it is in. An unknown report is in nobody's scope.
 */
@Component("reportAccess")
public class ReportAccess {

	private final JdbcClient jdbc;

	private final Access access;

	ReportAccess(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	public boolean canRead(Long reportId) {
		return regionPath(reportId).map(this.access::canRead).orElse(false);
	}

	public boolean canEdit(Long reportId) {
		return regionPath(reportId).map(this.access::canEdit).orElse(false);
	}

	public boolean canDecide(Long reportId) {
		return regionPath(reportId).map(this.access::canDecide).orElse(false);
	}

	private Optional<String> regionPath(Long reportId) {
		return this.jdbc.sql("select g.path from report r join region g on g.id = r.region_id where r.id = :id")
			.param("id", reportId)
			.query(String.class)
			.optional();
	}

}
