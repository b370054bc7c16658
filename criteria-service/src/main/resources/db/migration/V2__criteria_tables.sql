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
    path       jsonb        not null,
    commune_group  smallint,
    special_status varchar(32)
);

-- Published criteria set versions (see CriteriaCatalogue); the definition is the whole catalogue as JSON.
-- effective_to of a version ends the day before the next version takes effect; activated_at is set once the
-- assessments against the set have been re-evaluated under a later version (see VersionActivation).
create table criteria_set (
    code           varchar(64)  not null,
    version        int          not null,
    level          varchar(32)  not null,
    title_vi       varchar(300) not null,
    effective_from date         not null,
    effective_to   date,
    definition     jsonb        not null,
    published_by   varchar(200) not null,
    published_at   timestamptz  not null,
    activated_at   timestamptz,
    primary key (code, version)
);

-- Everything that happened in each assessment, for the history queries and to find a measurement by its id.
create table assessment_log (
    event_id       uuid primary key,
    unit_id        uuid         not null,
    criteria_set   varchar(64)  not null,
    kind           varchar(32)  not null,
    code           varchar(16),
    measurement_id uuid,
    previous       varchar(16),
    status         varchar(16),
    value          numeric,
    numerator      bigint,
    denominator    bigint,
    passed         boolean,
    threshold      numeric,
    reason         varchar(2000),
    evidence_document varchar(200),
    evidence_link  varchar(500),
    evidence_note  varchar(2000),
    valid_on       date         not null,
    recorded_at    timestamptz  not null,
    recorded_by    varchar(200) not null
);
create index assessment_log_code on assessment_log (unit_id, criteria_set, code, recorded_at);
create index assessment_log_measurement on assessment_log (measurement_id);
