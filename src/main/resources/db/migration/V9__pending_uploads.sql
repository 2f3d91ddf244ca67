-- A figure file between its dry run and its import in the browser. Kept here rather than in the session:
-- sessions live in the database too (V8) and are read whole on every request, which a file of up to
-- 20 MB must not weigh down. A row lasts until its import, the next upload of its user for its report,
-- or a day.

CREATE TABLE pending_upload (
	id UUID PRIMARY KEY,
	report_id BIGINT NOT NULL REFERENCES report (id) ON DELETE CASCADE,
	username VARCHAR(64) NOT NULL,
	filename VARCHAR(300),
	encoding VARCHAR(32) NOT NULL,
	bytes BYTEA NOT NULL,
	created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX pending_upload_created_ix ON pending_upload (created_at);
