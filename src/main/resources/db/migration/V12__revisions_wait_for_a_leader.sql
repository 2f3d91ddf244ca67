-- A revision of a published report's figures is a proposal until a leader in scope decides it: the
-- published figures stay public meanwhile. A revision has a number within its report (the API's
-- /api/reports/{id}/revisions/{n}), a status, who decided it, when and (for a return) why, and, while it
-- waits, what it would write (proposal) and what that would change, old and new (preview), both JSON.
-- Revisions made before this migration were applied at once: they stand as approved by their author.
alter table report_revision add column number int;
update report_revision r set number = n.number
from (select id, row_number() over (partition by report_id order by occurred_at, id) as number from report_revision) n
where n.id = r.id;
alter table report_revision alter column number set not null;
alter table report_revision add constraint report_revision_number_uk unique (report_id, number);

alter table report_revision add column status varchar(16) not null default 'APPROVED';
alter table report_revision add constraint report_revision_status_ck check (status in ('PENDING', 'APPROVED', 'RETURNED'));
alter table report_revision add column decided_by varchar(64);
alter table report_revision add column decided_at timestamp with time zone;
alter table report_revision add column decision_comment varchar(2000);
alter table report_revision add column proposal text;
alter table report_revision add column preview text;
update report_revision set decided_by = actor, decided_at = occurred_at;
alter table report_revision add constraint report_revision_decided_ck
    check ((status = 'PENDING') = (decided_at is null) and (status = 'PENDING') = (decided_by is null));
alter table report_revision add constraint report_revision_returned_ck
    check (status <> 'RETURNED' or length(trim(decision_comment)) > 0);
-- One revision waits per report at a time: a second proposal is refused until the first is decided.
create unique index report_revision_one_pending_ux on report_revision (report_id) where status = 'PENDING';
