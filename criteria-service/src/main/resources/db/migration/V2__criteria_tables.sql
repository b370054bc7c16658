-- Integration events already applied by this service's consumers (idempotency by event id).
create table processed_event (
    event_id     uuid        not null,
    consumer     varchar(64) not null,
    event_type   varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);

-- Units learnt from village-service's events (see KnownUnits).
create table known_unit (
    unit_id    uuid primary key,
    level      varchar(16)  not null,
    name       varchar(120) not null,
    parent_id  uuid,
    region     varchar(8),
    valid_from date         not null,
    path       jsonb        not null
);

-- Published criteria sets (see CriteriaCatalogue); the definition is the whole catalogue as JSON.
create table criteria_set (
    code           varchar(64) primary key,
    version        int          not null,
    level          varchar(32)  not null,
    title_vi       varchar(300) not null,
    effective_from date         not null,
    effective_to   date,
    definition     jsonb        not null,
    published_by   varchar(200) not null,
    published_at   timestamptz  not null
);

-- Latest measurement and current status per unit, set and indicator (see IndicatorStanding).
create table indicator_standing (
    unit_id            uuid         not null,
    criteria_set       varchar(64)  not null,
    indicator_code     varchar(16)  not null,
    status             varchar(16)  not null default 'UNKNOWN',
    value              numeric,
    numerator          bigint,
    denominator        bigint,
    passed             boolean,
    compared_value     numeric,
    threshold          numeric,
    comparator         varchar(4),
    threshold_verified boolean,
    threshold_source   text,
    measurement_id     uuid         not null,
    valid_on           date         not null,
    evidence_document  varchar(200),
    evidence_link      varchar(500),
    evidence_note      varchar(2000),
    recorded_by        varchar(200) not null,
    recorded_at        timestamptz  not null,
    primary key (unit_id, criteria_set, indicator_code)
);
