-- The command-side register of units (see UnitDirectory): set rules and REST queries read it.
create table unit_directory (
    unit_id     uuid primary key,
    level       varchar(16)  not null,
    name        varchar(120) not null,
    name_key    varchar(120) not null,
    parent_id   uuid references unit_directory (unit_id),
    valid_from  date         not null,
    region      varchar(8),
    legal_basis varchar(300),
    path        jsonb        not null,
    recorded_at timestamptz  not null,
    commune_group  smallint,
    special_status varchar(32)
);
create unique index unit_directory_sibling_name on unit_directory (coalesce(parent_id::text, ''), name_key);

-- Integration events already applied by this service's consumers (idempotency by event id).
create table processed_event (
    event_id     uuid        not null,
    consumer     varchar(64) not null,
    event_type   varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
