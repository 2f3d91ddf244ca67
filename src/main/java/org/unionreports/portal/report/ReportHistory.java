package org.unionreports.portal.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;


/**
 * Keeps the record of a report: each step of the workflow ({@code report_event}), each change to its
 * content ({@code report_change}) and each revision of a published report ({@code report_revision}),
 * with who and when. The record is only ever appended to.
 */
@Component
public class ReportHistory {

	private final JdbcClient jdbc;

	private final Clock clock;

	ReportHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void step(Long reportId, String action, ReportStatus from, ReportStatus to, String comment) {
		this.jdbc.sql("""
				insert into report_event (report_id, occurred_at, actor, action, from_status, to_status, comment)
				values (:report, :at, :actor, :action, :from, :to, :comment)""")
			.param("report", reportId)
			.param("at", now())
			.param("actor", actor())
			.param("action", action)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("comment", comment)
			.update();
	}

	/** A section's heading, narrative or place changed, or the section was added or removed. */
	void section(Long reportId, Long sectionId, String heading, String field, String before, String after,
			Long revisionId) {
		this.jdbc.sql("""
				insert into report_change (report_id, occurred_at, actor, subject, section_id, label, field,
				                           old_text, new_text, revision_id)
				values (:report, :at, :actor, 'SECTION', :section, :label, :field, :oldText, :newText, :revision)""")
			.param("report", reportId)
			.param("at", now())
			.param("actor", actor())
			.param("section", sectionId)
			.param("label", heading)
			.param("field", field)
			.param("oldText", before)
			.param("newText", after)
			.param("revision", revisionId)
			.update();
	}

	long lastChangeId(Long reportId) {
		return this.jdbc.sql("select coalesce(max(id), 0) from report_change where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

	List<Change> changesSince(Long reportId, long afterChangeId) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, subject, figure_id, section_id, label, field, old_text, new_text,
				       revision_id
				from report_change where report_id = :id and id > :after order by id""")
			.param("id", reportId)
			.param("after", afterChangeId)
			.query(ReportHistory::change)
			.list();
	}

	List<Change> changesOfFigure(Long reportId, Long figureId) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, subject, figure_id, section_id, label, field, old_text, new_text,
				       revision_id
				from report_change where report_id = :id and figure_id = :figure order by id""")
			.param("id", reportId)
			.param("figure", figureId)
			.query(ReportHistory::change)
			.list();
	}

	List<Step> steps(Long reportId) {
		return this.jdbc.sql("""
				select occurred_at, actor, action, from_status, to_status, comment
				from report_event where report_id = :id order by occurred_at, id""")
			.param("id", reportId)
			.query((rs, row) -> new Step(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"),
					rs.getString("comment")))
			.list();
	}

	List<Revision> revisions(Long reportId) {
		List<Revision> revisions = this.jdbc.sql("""
				select id, coalesce(decided_at, occurred_at) as occurred_at, actor, reason from report_revision
				where report_id = :id and status = 'APPROVED' order by occurred_at, id""")
			.param("id", reportId)
			.query((rs, row) -> new Revision(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("reason"), List.of()))
			.list();
		return revisions.stream()
			.map(revision -> new Revision(revision.id(), revision.occurredAt(), revision.actor(), revision.reason(),
					this.jdbc.sql("""
							select id, occurred_at, actor, subject, figure_id, section_id, label, field, old_text,
							       new_text, revision_id
							from report_change where revision_id = :revision order by id""")
						.param("revision", revision.id())
						.query(ReportHistory::change)
						.list()))
			.toList();
	}

	private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long figure = rs.getLong("figure_id");
		Long figureId = rs.wasNull() ? null : figure;
		long section = rs.getLong("section_id");
		Long sectionId = rs.wasNull() ? null : section;
		long revision = rs.getLong("revision_id");
		Long revisionId = rs.wasNull() ? null : revision;
		return new Change(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("subject"), figureId, sectionId, rs.getString("label"), rs.getString("field"),
				rs.getString("old_text"), rs.getString("new_text"), revisionId);
	}

	Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	static String actor() {
		Authentication actor = SecurityContextHolder.getContext().getAuthentication();
		return actor == null ? "system" : actor.getName();
	}

	/** One change to a report's content. */
	public record Change(long id, Instant occurredAt, String actor, String subject, Long figureId, Long sectionId,
			String label, String field, String oldText, String newText, Long revisionId) {
	}

	/** One workflow step. */
	public record Step(Instant occurredAt, String actor, String action, String fromStatus, String toStatus,
			String comment) {
	}

	/** A revision of a published report, approved, with its changes (dated when they took effect). */
	public record Revision(long id, Instant occurredAt, String actor, String reason, List<Change> changes) {
	}

}
