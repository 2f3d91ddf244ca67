package org.unionreports.portal.report;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Writes the record of each step a report takes: who, when, from which status to which, and why. */
@Component
class ReportHistory {

	private final JdbcClient jdbc;

	ReportHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Long reportId, String action, ReportStatus from, ReportStatus to, String comment, Instant when) {
		Authentication actor = SecurityContextHolder.getContext().getAuthentication();
		this.jdbc.sql("""
				insert into report_event (report_id, occurred_at, actor, action, from_status, to_status, comment)
				values (:report, :at, :actor, :action, :from, :to, :comment)""")
			.param("report", reportId)
			.param("at", java.sql.Timestamp.from(when))
			.param("actor", actor == null ? "system" : actor.getName())
			.param("action", action)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("comment", comment)
			.update();
	}

}
