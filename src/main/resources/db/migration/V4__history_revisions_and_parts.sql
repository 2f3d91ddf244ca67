-- A catalogue metric that counts a part of another (new-employment-form members are members): the part
-- may never exceed its whole in the same report and period.
alter table metric add column part_of_metric_id bigint;
alter table metric add constraint metric_part_of_fk foreign key (part_of_metric_id) references metric (id);
alter table metric add constraint metric_part_of_self_ck check (part_of_metric_id is null or part_of_metric_id <> id);
update metric set part_of_metric_id = (select id from metric where key = 'members') where key = 'new_employment_members';

-- A revision of a published report: the reason, who made it and when. Its changes are the report_change
-- rows that point to it; the public page lists them.
create table report_revision (
    id          bigint generated always as identity,
    report_id   bigint        not null,
    occurred_at timestamp with time zone not null default now(),
    actor       varchar(64)   not null,
    reason      varchar(2000) not null,
    constraint report_revision_pk primary key (id),
    constraint report_revision_report_fk foreign key (report_id) references report (id) on delete cascade,
    constraint report_revision_reason_ck check (length(trim(reason)) > 0)
);
create index report_revision_report_ix on report_revision (report_id, occurred_at);

-- Every change to a report's content: a figure's value, a section's heading, narrative or place, what
-- was added and removed. Old and new are kept as written for people (435万余人) and, for figures, as
-- numbers. figure_id and section_id are not foreign keys: the history outlives what it describes.
create table report_change (
    id            bigint generated always as identity,
    report_id     bigint       not null,
    occurred_at   timestamp with time zone not null default now(),
    actor         varchar(64)  not null,
    subject       varchar(16)  not null,
    figure_id     bigint,
    section_id    bigint,
    label         varchar(300) not null,
    field         varchar(16)  not null,
    old_text      text,
    new_text      text,
    old_value     numeric(24, 4),
    new_value     numeric(24, 4),
    revision_id   bigint,
    constraint report_change_pk primary key (id),
    constraint report_change_report_fk foreign key (report_id) references report (id) on delete cascade,
    constraint report_change_revision_fk foreign key (revision_id) references report_revision (id),
    constraint report_change_subject_ck check (subject in ('FIGURE', 'SECTION')),
    constraint report_change_field_ck check (field in ('value', 'heading', 'narrative', 'position', 'added', 'removed')),
    constraint report_change_target_ck check ((subject = 'FIGURE') = (figure_id is not null)
        and (subject = 'SECTION') = (section_id is not null))
);
create index report_change_report_ix on report_change (report_id, id);
create index report_change_figure_ix on report_change (figure_id) where figure_id is not null;
