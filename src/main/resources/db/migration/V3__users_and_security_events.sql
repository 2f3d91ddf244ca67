-- Users: ADMIN (users, regions, catalogue), STAFF (enter reports in their regions and below),
-- LEADER (see what staff see in scope; approve, return, publish). A user can hold several regions.
create table app_user (
    id            bigint generated always as identity,
    username      varchar(64)  not null,
    password_hash varchar(200) not null,
    role          varchar(16)  not null,
    enabled       boolean      not null default true,
    created_at    timestamp with time zone not null default now(),
    updated_at    timestamp with time zone not null default now(),
    version       bigint       not null default 0,
    constraint app_user_pk primary key (id),
    constraint app_user_role_ck check (role in ('ADMIN', 'LEADER', 'STAFF')),
    constraint app_user_username_ck check (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$')
);
create unique index app_user_username_ux on app_user (lower(username));

create table user_region (
    user_id   bigint not null,
    region_id bigint not null,
    constraint user_region_pk primary key (user_id, region_id),
    constraint user_region_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint user_region_region_fk foreign key (region_id) references region (id)
);
create index user_region_region_ix on user_region (region_id);

-- Security events: sign-ins, failures, lock-outs, and changes to users, with who, when and from where.
-- Kept apart from the data they concern, and never updated.
create table security_event (
    id             bigint generated always as identity,
    occurred_at    timestamp with time zone not null default now(),
    type           varchar(32)  not null,
    actor          varchar(64),
    subject        varchar(64),
    remote_address varchar(64),
    details        varchar(1000),
    constraint security_event_pk primary key (id),
    constraint security_event_type_ck check (type in ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_LOCKED', 'LOGOUT',
        'USER_CREATED', 'USER_DISABLED', 'USER_ENABLED', 'ROLE_CHANGED', 'REGIONS_CHANGED', 'PASSWORD_RESET',
        'PASSWORD_CHANGED', 'ACCESS_DENIED'))
);
create index security_event_subject_ix on security_event (lower(subject), type, occurred_at desc);
create index security_event_time_ix on security_event (occurred_at desc);

-- Why a report went back for correction: the leader's comment with each return (and later every step).
create table report_event (
    id          bigint generated always as identity,
    report_id   bigint      not null,
    occurred_at timestamp with time zone not null default now(),
    actor       varchar(64) not null,
    action      varchar(16) not null,
    from_status varchar(16),
    to_status   varchar(16) not null,
    comment     varchar(2000),
    constraint report_event_pk primary key (id),
    constraint report_event_report_fk foreign key (report_id) references report (id) on delete cascade,
    constraint report_event_action_ck check (action in ('CREATE', 'SUBMIT', 'APPROVE', 'RETURN', 'PUBLISH')),
    constraint report_event_comment_ck check (action <> 'RETURN' or length(trim(comment)) > 0)
);
create index report_event_report_ix on report_event (report_id, occurred_at);
