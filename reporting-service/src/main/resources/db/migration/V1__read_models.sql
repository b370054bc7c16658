-- Integration events already folded into the read models (idempotency by event id).
create table processed_event (
    event_id     uuid        not null,
    consumer     varchar(64) not null,
    event_type   varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);

-- Units as registered, with their path on the date they were registered.
create table unit_view (
    unit_id       uuid primary key,
    level         varchar(16)  not null,
    name          varchar(120) not null,
    parent_id     uuid,
    region        varchar(8),
    valid_from    date         not null,
    path          jsonb        not null,
    recorded_at   timestamptz  not null,
    registered_by varchar(200)
);
create index unit_view_parent on unit_view (parent_id);

-- Criteria sets as published, to label and explain statuses.
create table criteria_set_view (
    code           varchar(64) primary key,
    version        int          not null,
    title_vi       varchar(300) not null,
    title_en       varchar(300),
    level          varchar(32)  not null,
    legal_basis    varchar(300),
    effective_from date         not null,
    effective_to   date,
    catalogue      jsonb        not null
);

-- Every status change of every indicator, with valid time and recorded time: the timeline.
create table status_history (
    event_id           uuid primary key,
    unit_id            uuid         not null,
    criteria_set       varchar(64)  not null,
    criterion_code     varchar(16)  not null,
    indicator_code     varchar(16)  not null,
    previous_status    varchar(16)  not null,
    status             varchar(16)  not null,
    value              numeric,
    comparator         varchar(4),
    threshold          numeric,
    unit               varchar(64),
    threshold_verified boolean      not null,
    threshold_source   text,
    cause_measurement  varchar(64),
    valid_on           date         not null,
    recorded_at        timestamptz  not null,
    actor_subject      varchar(200),
    actor_role         varchar(64)
);
create index status_history_unit on status_history (unit_id, criteria_set, indicator_code, valid_on, recorded_at);

-- Every measurement, with who recorded it and its evidence.
create table measurement_history (
    event_id          uuid primary key,
    unit_id           uuid        not null,
    criteria_set      varchar(64) not null,
    indicator_code    varchar(16) not null,
    measurement_id    varchar(64) not null,
    value             numeric,
    numerator         bigint,
    denominator       bigint,
    passed            boolean,
    evidence_document varchar(200),
    valid_on          date        not null,
    recorded_at       timestamptz not null,
    actor_subject     varchar(200),
    actor_role        varchar(64)
);
create index measurement_history_unit on measurement_history (unit_id, criteria_set, indicator_code, valid_on);

-- Criterion (tiêu chí) and whole-set status changes, with valid and recorded time.
create table rollup_status_history (
    event_id        uuid primary key,
    unit_id         uuid         not null,
    criteria_set    varchar(64)  not null,
    criterion_code  varchar(16),
    previous_status varchar(16)  not null,
    status          varchar(16)  not null,
    criteria_met    int,
    criteria_total  int,
    cause_measurement varchar(64),
    valid_on        date         not null,
    recorded_at     timestamptz  not null,
    actor_subject   varchar(200)
);
create index rollup_status_history_unit on rollup_status_history (unit_id, criteria_set, criterion_code, valid_on);

-- Corrections and retractions of measurements (the measurement rows themselves never change).
create table measurement_amendment (
    event_id       uuid primary key,
    unit_id        uuid         not null,
    measurement_id varchar(64)  not null,
    kind           varchar(16)  not null,
    value          numeric,
    numerator      bigint,
    denominator    bigint,
    passed         boolean,
    reason         varchar(2000),
    valid_on       date         not null,
    recorded_at    timestamptz  not null,
    actor_subject  varchar(200)
);
