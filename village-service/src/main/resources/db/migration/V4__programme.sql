-- The programme side of village-service: plans and their tasks, recognitions, and the criteria statuses learnt from
-- criteria-service (ntm.criteria) that gate recognition and trigger revocation warnings.
create table plan_view (
    plan_id     varchar(64)  primary key,
    unit_id     uuid         not null references unit_directory (unit_id),
    number      varchar(64)  not null,
    title       varchar(300),
    adopted_on  date         not null,
    signer      varchar(120),
    year        int          not null,
    plan        jsonb        not null,
    recorded_at timestamptz  not null
);
create index plan_view_unit on plan_view (unit_id, year);

create table plan_task (
    plan_id      varchar(64)  not null references plan_view (plan_id),
    task_id      varchar(64)  not null,
    unit_id      uuid         not null,
    description  varchar(500) not null,
    due_date     date         not null,
    office       varchar(200),
    status       varchar(8)   not null,
    completed_on date,
    missed_on    date,
    primary key (plan_id, task_id)
);
create index plan_task_open on plan_task (due_date) where status = 'OPEN';

create table recognition_view (
    recognition_id  varchar(64) primary key,
    unit_id         uuid        not null references unit_directory (unit_id),
    level           varchar(16) not null,
    criteria_set    varchar(64) not null,
    status          varchar(24) not null,
    requested_on    date        not null,
    decided_on      date,
    decision_number varchar(64),
    revoked_on      date,
    history         jsonb       not null default '[]',
    recorded_at     timestamptz not null
);
create index recognition_view_unit on recognition_view (unit_id, level);

create table criteria_set_name (
    code     varchar(64) not null,
    version  int         not null,
    criteria jsonb       not null,
    primary key (code, version)
);

create table set_standing (
    unit_id        uuid        not null,
    criteria_set   varchar(64) not null,
    status         varchar(16) not null,
    criteria_met   int         not null,
    criteria_total int         not null,
    valid_on       date,
    recorded_at    timestamptz not null,
    primary key (unit_id, criteria_set)
);

create table criterion_standing (
    unit_id        uuid        not null,
    criteria_set   varchar(64) not null,
    criterion_code varchar(16) not null,
    status         varchar(16) not null,
    valid_on       date,
    primary key (unit_id, criteria_set, criterion_code)
);
