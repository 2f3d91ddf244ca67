-- A figure's identity in its report is its own subject — what the source says it counts (label), its unit,
-- period and target flag — not the catalogue metric it maps to. Two different facts that mean the same
-- catalogue metric are both kept: one holds the metric (metric_id, at most one per report, period and
-- target flag, as before), the others are stored under their own label and claim the metric
-- (claimed_metric_id) until a person says which one is the report's value. The same subject may stand
-- more than once in a report with different values (two sections, say): occurrence tells them apart, in
-- the order they were given, so that importing the same file twice still leaves the same figures.
alter table figure add column subject varchar(200);
alter table figure add column occurrence integer not null default 0;
alter table figure add column claimed_metric_id bigint;
-- A breach of a soft rule that can be true (a count printed with a fraction, a part above its whole, a
-- move over threefold) is kept only with an explanation in the note: the flag says which.
alter table figure add column flag varchar(16);

update figure f set subject = coalesce(
    (select l.name_zh from figure_label l where l.id = f.label_id),
    (select m.name_zh from metric m where m.id = f.metric_id));

-- Before, a metric's figure and a label's could share a name: number them apart, in the report's order.
update figure f set occurrence = n.occurrence
from (select id, row_number() over (partition by report_id, subject, unit, period_start, period_end, target
                                    order by position, id) - 1 as occurrence
      from figure) n
where n.id = f.id and n.occurrence > 0;

alter table figure alter column subject set not null;
alter table figure add constraint figure_subject_ck check (length(trim(subject)) > 0);
alter table figure add constraint figure_occurrence_ck check (occurrence >= 0);
alter table figure add constraint figure_claimed_metric_fk foreign key (claimed_metric_id) references metric (id);
alter table figure add constraint figure_claim_ck check (claimed_metric_id is null or metric_id is null);
alter table figure add constraint figure_flag_ck check (flag is null or flag in ('as_printed', 'explained'));
alter table figure add constraint figure_flag_note_ck check (flag is null or length(trim(coalesce(note, ''))) > 0);

drop index figure_report_label_ux;
create unique index figure_report_subject_ux
    on figure (report_id, subject, unit, period_start, period_end, target, occurrence);
create index figure_claimed_metric_ix on figure (report_id, claimed_metric_id) where claimed_metric_id is not null;

-- A change of which catalogue metric a figure holds is history too.
alter table report_change drop constraint report_change_field_ck;
alter table report_change add constraint report_change_field_ck
    check (field in ('value', 'heading', 'narrative', 'position', 'added', 'removed', 'mapping'));
