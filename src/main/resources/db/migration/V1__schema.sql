-- The portal's schema. Flyway owns it; Hibernate only validates. What must always hold is enforced here,
-- with named constraints so that an error names the rule it broke.

-- Regions: China's administrative tree (GB/T 2260 codes) plus regions of our own (functional zones,
-- grassroots unions) whose codes are not division codes. `path` is the materialised path of codes from
-- the root, e.g. '/000000/610000/610100/', for subtree queries with a prefix match.
create table region (
    id            bigint generated always as identity,
    code          varchar(32)  not null,
    name_zh       varchar(100) not null,
    name_en       varchar(200) not null,
    level         varchar(16)  not null,
    parent_id     bigint,
    path          varchar(400) not null,
    division_code boolean      not null,
    constraint region_pk primary key (id),
    constraint region_code_uk unique (code),
    constraint region_parent_fk foreign key (parent_id) references region (id),
    constraint region_level_ck check (level in ('NATIONAL', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'ZONE', 'GRASSROOTS')),
    constraint region_code_format_ck check (
        (division_code and code ~ '^[0-9]{6}$')
        or (not division_code and code ~ '^[A-Z][A-Z0-9-]{2,31}$')),
    constraint region_root_ck check ((parent_id is null) = (level = 'NATIONAL')),
    constraint region_path_ck check (path like '%/' || code || '/'),
    constraint region_name_ck check (length(trim(name_zh)) > 0)
);
create index region_parent_ix on region (parent_id);
create index region_path_ix on region (path text_pattern_ops);
create unique index region_single_root_ux on region ((true)) where parent_id is null;

-- The metric catalogue: the standard rows of union statistics tables. Roll-up follows the kind:
-- flows sum over regions and years; stocks sum over regions and take the latest over time; rates are a
-- weighted mean over their base metric where one is known, else the range; per-unit figures do not roll up.
create table metric (
    id             bigint generated always as identity,
    key            varchar(64)  not null,
    name_zh        varchar(100) not null,
    name_en        varchar(200) not null,
    family         varchar(16)  not null,
    unit           varchar(16)  not null,
    unit_synonyms  varchar(16)[] not null default '{}',
    aliases_zh     varchar(100)[] not null default '{}',
    kind           varchar(16)  not null,
    rollup         varchar(16)  not null,
    base_metric_id bigint,
    min_value      numeric(24, 4),
    max_value      numeric(24, 4),
    headline       boolean      not null default false,
    sort_order     integer      not null,
    constraint metric_pk primary key (id),
    constraint metric_key_uk unique (key),
    constraint metric_name_zh_uk unique (name_zh),
    constraint metric_base_fk foreign key (base_metric_id) references metric (id),
    constraint metric_key_format_ck check (key ~ '^[a-z][a-z0-9_]*$'),
    constraint metric_family_ck check (family in
        ('membership', 'competition', 'honours', 'aid', 'rights', 'services', 'ideology', 'reform', 'selfbuild', 'other')),
    constraint metric_kind_ck check (kind in ('flow', 'stock', 'rate', 'per_unit')),
    constraint metric_rollup_ck check (
        (kind = 'flow' and rollup = 'sum')
        or (kind = 'stock' and rollup = 'sum_latest')
        or (kind = 'rate' and rollup in ('weighted_mean', 'range'))
        or (kind = 'per_unit' and rollup = 'none')),
    constraint metric_weighted_base_ck check ((rollup = 'weighted_mean') = (base_metric_id is not null)),
    constraint metric_bounds_ck check (min_value is null or max_value is null or min_value <= max_value),
    constraint metric_rate_unit_ck check (kind <> 'rate' or unit = '%')
);

-- Reports: one region's work report for one period (a year, or a span such as a congress term).
create table report (
    id               bigint generated always as identity,
    region_id        bigint       not null,
    period_start     integer      not null,
    period_end       integer      not null,
    title            varchar(300) not null,
    source_publisher varchar(200),
    source_date      date,
    source_url       varchar(1000),
    status           varchar(16)  not null default 'DRAFT',
    published_at     timestamp with time zone,
    created_at       timestamp with time zone not null default now(),
    updated_at       timestamp with time zone not null default now(),
    version          bigint       not null default 0,
    constraint report_pk primary key (id),
    constraint report_region_fk foreign key (region_id) references region (id),
    constraint report_region_period_uk unique (region_id, period_start, period_end),
    constraint report_period_ck check (period_start <= period_end),
    constraint report_period_range_ck check (period_start between 1949 and 2100 and period_end between 1949 and 2100),
    constraint report_status_ck check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'RETURNED')),
    constraint report_published_ck check ((status = 'PUBLISHED') = (published_at is not null)),
    constraint report_title_ck check (length(trim(title)) > 0),
    constraint report_source_url_ck check (source_url is null or source_url ~ '^https?://')
);
create index report_region_ix on report (region_id);
create index report_status_published_ix on report (status, published_at desc);

-- Sections: a report's ordered chapters with their narrative (plain paragraphs separated by blank lines).
create table section (
    id        bigint generated always as identity,
    report_id bigint       not null,
    position  integer      not null,
    heading   varchar(300) not null,
    narrative text         not null default '',
    version   bigint       not null default 0,
    constraint section_pk primary key (id),
    constraint section_report_fk foreign key (report_id) references report (id) on delete cascade,
    constraint section_position_uk unique (report_id, position) deferrable initially deferred,
    constraint section_position_ck check (position >= 0),
    constraint section_heading_ck check (length(trim(heading)) > 0)
);

-- Long-tail labels: the figures of a report that are not (yet) catalogue metrics. A label can later be
-- mapped onto a catalogue metric (mapped_metric_id), and its figures then roll up with that metric.
create table figure_label (
    id               bigint generated always as identity,
    name_zh          varchar(200) not null,
    name_en          varchar(300),
    unit             varchar(16)  not null,
    family           varchar(16)  not null,
    kind             varchar(16)  not null,
    mapped_metric_id bigint,
    constraint figure_label_pk primary key (id),
    constraint figure_label_name_unit_uk unique (name_zh, unit),
    constraint figure_label_metric_fk foreign key (mapped_metric_id) references metric (id),
    constraint figure_label_family_ck check (family in
        ('membership', 'competition', 'honours', 'aid', 'rights', 'services', 'ideology', 'reform', 'selfbuild', 'other')),
    constraint figure_label_kind_ck check (kind in ('flow', 'stock', 'rate', 'per_unit', 'target')),
    constraint figure_label_name_ck check (length(trim(name_zh)) > 0)
);

-- Figures: one metric's (or label's) value in one report. The value is exact; the qualifier says how the
-- report wrote it (1万余 = 10000 with 余). A figure without a value is missing, never zero. A target is a
-- plan for a later period and is kept apart from achieved figures.
create table figure (
    id           bigint generated always as identity,
    report_id    bigint         not null,
    section_id   bigint,
    metric_id    bigint,
    label_id     bigint,
    unit         varchar(16)    not null,
    value        numeric(24, 4),
    qualifier    varchar(8)     not null default 'exact',
    missing      boolean        not null default false,
    target       boolean        not null default false,
    period_start integer        not null,
    period_end   integer        not null,
    source_text  text,
    number_text  varchar(100),
    note         text,
    position     integer        not null default 0,
    version      bigint         not null default 0,
    constraint figure_pk primary key (id),
    constraint figure_report_fk foreign key (report_id) references report (id) on delete cascade,
    constraint figure_section_fk foreign key (section_id) references section (id) on delete set null,
    constraint figure_metric_fk foreign key (metric_id) references metric (id),
    constraint figure_label_fk foreign key (label_id) references figure_label (id),
    constraint figure_metric_or_label_ck check ((metric_id is null) <> (label_id is null)),
    constraint figure_missing_ck check (missing = (value is null)),
    constraint figure_qualifier_ck check (qualifier in ('exact', '余', '多', '超', '近', '以上', '约')),
    constraint figure_period_ck check (period_start <= period_end),
    constraint figure_unit_ck check (length(trim(unit)) > 0)
);
create index figure_report_ix on figure (report_id);
create index figure_metric_ix on figure (metric_id) where metric_id is not null;
create unique index figure_report_metric_ux on figure (report_id, metric_id, period_start, period_end, target)
    where metric_id is not null;
create unique index figure_report_label_ux on figure (report_id, label_id, period_start, period_end, target)
    where label_id is not null;
