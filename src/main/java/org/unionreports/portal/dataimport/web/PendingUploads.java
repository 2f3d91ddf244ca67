package org.unionreports.portal.dataimport.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.unionreports.portal.dataimport.FigureImport.Upload;

/**
 * Figure files checked in the browser and waiting for their import (table {@code pending_upload}): only
 * the file's id rides in the session. Each user has at most one waiting file a report; files older than a
 * day are dropped. Plain statements, no transaction: they change nothing a page shows.
 */
@Component
class PendingUploads {

	private final JdbcClient jdbc;

	PendingUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the file in place of the user's earlier one for this report; its id. */
	String keep(long reportId, String username, Upload upload) {
		discard(reportId, username);
		this.jdbc.sql("delete from pending_upload where created_at < now() - interval '1 day'").update();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into pending_upload (id, report_id, username, filename, encoding, bytes)
				values (:id, :report, :username, :filename, :encoding, :bytes)""")
			.param("id", id)
			.param("report", reportId)
			.param("username", username)
			.param("filename", upload.filename())
			.param("encoding", upload.encoding())
			.param("bytes", upload.bytes())
			.update();
		return id.toString();
	}

	/** The waiting file of this id, if it is this user's for this report. */
	Optional<Upload> find(String id, long reportId, String username) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select filename, bytes, encoding from pending_upload
				where id = :id and report_id = :report and username = :username""")
			.param("id", uuid)
			.param("report", reportId)
			.param("username", username)
			.query((rs, row) -> new Upload(rs.getString("filename"), rs.getBytes("bytes"), rs.getString("encoding")))
			.optional();
	}

	void discard(long reportId, String username) {
		this.jdbc.sql("delete from pending_upload where report_id = :report and username = :username")
			.param("report", reportId)
			.param("username", username)
			.update();
	}

}
