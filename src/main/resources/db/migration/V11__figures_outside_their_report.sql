-- A figure counts for its own period, whatever the period of the report holding it (issue 16). Most
-- figures are of their report's period or of a year inside its span, and roll-ups find them through the
-- reports whose period contains the one asked for. The few that are not (a 2021 figure in a 2022 report)
-- are listed here, kept by the triggers below whatever writes the figures (the store, COPY, SQL), so that
-- roll-ups find their reports without reading every figure of every report of a region.
create table figure_outside_report (
    report_id bigint not null,
    period_start int not null,
    period_end int not null,
    constraint figure_outside_report_pk primary key (report_id, period_start, period_end),
    constraint figure_outside_report_report_fk foreign key (report_id) references report (id) on delete cascade
);

-- The periods of the reports' own figures outside the reports' periods, recomputed for the reports given.
create function figure_outside_report_refresh(reports bigint[]) returns void language sql as $$
    delete from figure_outside_report where report_id = any(reports);
    insert into figure_outside_report (report_id, period_start, period_end)
    select distinct f.report_id, f.period_start, f.period_end
    from figure f join report r on r.id = f.report_id
    where f.report_id = any(reports) and not f.target
      and not (f.period_start >= r.period_start and f.period_end <= r.period_end);
$$;

create function figure_outside_report_inserted() returns trigger language plpgsql as $$
begin
    insert into figure_outside_report (report_id, period_start, period_end)
    select distinct n.report_id, n.period_start, n.period_end
    from inserted_figures n join report r on r.id = n.report_id
    where not n.target and not (n.period_start >= r.period_start and n.period_end <= r.period_end)
    on conflict do nothing;
    return null;
end $$;

create function figure_outside_report_changed() returns trigger language plpgsql as $$
begin
    perform figure_outside_report_refresh(array(select distinct report_id from old_figures));
    return null;
end $$;

create function figure_outside_report_updated() returns trigger language plpgsql as $$
begin
    perform figure_outside_report_refresh(array(
        select report_id from old_figures union select report_id from new_figures));
    return null;
end $$;

create trigger figure_outside_report_insert after insert on figure
    referencing new table as inserted_figures for each statement execute function figure_outside_report_inserted();
create trigger figure_outside_report_update after update on figure
    referencing old table as old_figures new table as new_figures
    for each statement execute function figure_outside_report_updated();
create trigger figure_outside_report_delete after delete on figure
    referencing old table as old_figures for each statement execute function figure_outside_report_changed();

-- A report whose period changes may now hold figures outside it, or no longer.
create function report_period_changed() returns trigger language plpgsql as $$
begin
    perform figure_outside_report_refresh(array[new.id]);
    return null;
end $$;

create trigger report_period_change after update of period_start, period_end on report
    for each row when (old.period_start is distinct from new.period_start or old.period_end is distinct from new.period_end)
    execute function report_period_changed();

-- What is already stored.
insert into figure_outside_report (report_id, period_start, period_end)
select distinct f.report_id, f.period_start, f.period_end
from figure f join report r on r.id = f.report_id
where not f.target and not (f.period_start >= r.period_start and f.period_end <= r.period_end);
