-- Read models now live in two generations, the schemas rm_blue and rm_green (ADR 7). One is live: the Kafka consumers
-- write into it and the views in public point at it. A replay rebuilds the other one from the start of history beside
-- it and, once caught up, the views are pointed at it in one transaction (the swap). Anything that reads the read
-- models by SQL (the fault suite, psql, benchmarks) reads the public views and so always sees the live generation.
-- A later migration that changes a read-model table changes it in both schemas and re-runs ntm_point_views_at.

create schema rm_blue;
create schema rm_green;

-- The first generation's tables move into rm_blue, the first live generation, with what they hold.
alter table public.processed_event set schema rm_blue;
alter table public.criteria_set_view set schema rm_blue;
alter table public.status_history set schema rm_blue;
alter table public.measurement_history set schema rm_blue;
alter table public.rollup_status_history set schema rm_blue;
alter table public.measurement_amendment set schema rm_blue;
-- the version of the criteria set whose threshold was applied (IndicatorStatusChanged.setVersion)
alter table rm_blue.status_history add column set_version int;
create index measurement_amendment_measurement on rm_blue.measurement_amendment (measurement_id);

-- Every fact about a unit as it arrived: registered, renamed, moved, attributes changed, ended.
create table rm_blue.unit_change (
    event_id       uuid primary key,
    unit_id        uuid        not null,
    kind           varchar(16) not null,
    level          varchar(16),
    name           varchar(120),
    parent_id      uuid,
    region         varchar(8),
    commune_group  int,
    special_status varchar(64),
    reason         varchar(16),
    successor_ids  uuid[],
    valid_from     date        not null,
    recorded_at    timestamptz not null,
    legal_basis    varchar(500),
    actor_subject  varchar(200)
);
create index unit_change_unit on rm_blue.unit_change (unit_id);

-- The effective-dated hierarchy, bitemporal: each version of a unit (name, parent, attributes) holds in valid time
-- [valid_from, valid_to) and was the platform's knowledge in recorded time [recorded_from, recorded_to). Derived from
-- unit_change: recomputed for a unit whenever one of its facts arrives, so the order facts arrive in does not matter.
create table rm_blue.unit_version (
    unit_id        uuid        not null,
    level          varchar(16) not null,
    name           varchar(120) not null,
    parent_id      uuid,
    region         varchar(8),
    commune_group  int,
    special_status varchar(64),
    valid_from     date        not null,
    valid_to       date,
    recorded_from  timestamptz not null,
    recorded_to    timestamptz,
    primary key (unit_id, valid_from, recorded_from)
);
create index unit_version_parent on rm_blue.unit_version (parent_id);
create index unit_version_time on rm_blue.unit_version (valid_from, valid_to);

-- Plans (kế hoạch) as adopted, with their targets and tasks; task completions and missed deadlines as facts.
create table rm_blue.plan (
    plan_id     varchar(64) primary key,
    event_id    uuid        not null,
    unit_id     uuid        not null,
    number      varchar(64),
    title       varchar(500),
    adopted_on  date        not null,
    signer      varchar(200),
    year        int         not null,
    roadmap     jsonb       not null,
    assignments jsonb       not null,
    rewards     jsonb       not null,
    recorded_at timestamptz not null
);
create index plan_unit on rm_blue.plan (unit_id);

create table rm_blue.plan_target (
    plan_id        varchar(64) not null,
    target_id      varchar(64) not null,
    unit_id        uuid        not null,
    criteria_set   varchar(64),
    indicator_code varchar(16),
    criterion_code varchar(16),
    description    varchar(1000),
    comparator     varchar(4),
    value          numeric,
    unit           varchar(64),
    due_date       date,
    primary key (plan_id, target_id)
);

create table rm_blue.plan_task (
    plan_id     varchar(64) not null,
    task_id     varchar(64) not null,
    unit_id     uuid        not null,
    description varchar(1000),
    due_date    date        not null,
    office      varchar(300),
    unit_ids    jsonb       not null,
    primary key (plan_id, task_id)
);

create table rm_blue.plan_task_event (
    event_id    uuid primary key,
    plan_id     varchar(64) not null,
    task_id     varchar(64) not null,
    kind        varchar(16) not null,
    on_date     date        not null,
    late        boolean     not null,
    note        varchar(2000),
    recorded_at timestamptz not null
);
create index plan_task_event_task on rm_blue.plan_task_event (plan_id, task_id);

-- The recognition pipeline (công nhận → thu hồi) as facts: request, steps, decision, rewards, warnings, revocation.
create table rm_blue.recognition_event (
    event_id        uuid primary key,
    unit_id         uuid        not null,
    recognition_id  varchar(64) not null,
    kind            varchar(16) not null,
    step            varchar(32),
    level           varchar(16),
    criteria_set    varchar(64),
    on_date         date        not null,
    passed          boolean,
    actor_by        varchar(300),
    decision_number varchar(100),
    amount          numeric,
    detail          jsonb       not null,
    recorded_at     timestamptz not null
);
create index recognition_event_unit on rm_blue.recognition_event (unit_id, recognition_id);

-- unit_view becomes facts and versions; it kept no event id, so a stable one is derived from the unit id (a replay
-- brings the real one)
insert into rm_blue.unit_change (event_id, unit_id, kind, level, name, parent_id, region, valid_from, recorded_at,
                                 actor_subject)
select md5('unit_view:' || unit_id)::uuid, unit_id, 'REGISTERED', level, name, parent_id, region, valid_from,
       recorded_at, registered_by
from public.unit_view;
insert into rm_blue.unit_version (unit_id, level, name, parent_id, region, valid_from, recorded_from)
select unit_id, level, name, parent_id, region, valid_from, recorded_at from public.unit_view;
drop table public.unit_view;

-- rm_green: the same tables, indexes and constraints.
do $$
declare t record;
begin
    for t in select tablename from pg_tables where schemaname = 'rm_blue' loop
        execute format('create table rm_green.%I (like rm_blue.%I including all)', t.tablename, t.tablename);
    end loop;
end $$;

-- Which generation is live. One row.
create table read_model_generation (
    id              int primary key default 1 check (id = 1),
    live_schema     varchar(16) not null check (live_schema in ('rm_blue', 'rm_green')),
    previous_schema varchar(16) check (previous_schema in ('rm_blue', 'rm_green')),
    swapped_at      timestamptz
);
insert into read_model_generation (live_schema) values ('rm_blue');

-- Every replay: where it built, how far it got.
create table replay_run (
    replay_id     uuid primary key,
    target_schema varchar(16) not null,
    state         varchar(16) not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    events_done   bigint      not null,
    events_total  bigint      not null,
    events_skipped bigint     not null,
    message       varchar(2000)
);

-- Points the public views at a generation: one view per read-model table, plus unit_view (each unit's latest known
-- version), the shape the first generation had.
create function ntm_point_views_at(generation varchar) returns void language plpgsql as $$
declare t record;
begin
    if generation not in ('rm_blue', 'rm_green') then
        raise exception 'not a read-model generation: %', generation;
    end if;
    for t in select tablename from pg_tables where schemaname = generation loop
        execute format('create or replace view public.%I as select * from %I.%I', t.tablename, generation,
                       t.tablename);
    end loop;
    execute format('create or replace view public.unit_view as
        select distinct on (unit_id) unit_id, level, name, parent_id, region, valid_from, recorded_from as recorded_at
        from %I.unit_version where recorded_to is null order by unit_id, valid_from desc', generation);
end $$;

select ntm_point_views_at('rm_blue');
