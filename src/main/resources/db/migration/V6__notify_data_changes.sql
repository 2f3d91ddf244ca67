-- Every change to what dashboards and reports show is announced on the channel portal_data_changed.
-- PostgreSQL delivers a notification only when its transaction commits, once per transaction and table,
-- so each portal instance can drop what it computed from the data before (see DataChanges).
create function portal_data_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('portal_data_changed', tg_table_name);
    return null;
end
$$;

create trigger report_data_changed after insert or update or delete or truncate on report
    for each statement execute function portal_data_changed();
create trigger figure_data_changed after insert or update or delete or truncate on figure
    for each statement execute function portal_data_changed();
create trigger section_data_changed after insert or update or delete or truncate on section
    for each statement execute function portal_data_changed();
create trigger region_data_changed after insert or update or delete or truncate on region
    for each statement execute function portal_data_changed();
create trigger metric_data_changed after insert or update or delete or truncate on metric
    for each statement execute function portal_data_changed();
create trigger figure_label_data_changed after insert or update or delete or truncate on figure_label
    for each statement execute function portal_data_changed();
