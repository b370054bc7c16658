-- Units over time: every name, parent and attribute set a unit had, each with the dates it was in force.
-- valid_to is the first day the version no longer holds (null: still in force). unit_directory keeps one row per unit
-- with its latest values and, once it ended, why and who succeeded it.
create table unit_version (
    unit_id        uuid         not null references unit_directory (unit_id),
    valid_from     date         not null,
    valid_to       date,
    name           varchar(120) not null,
    name_key       varchar(120) not null,
    parent_id      uuid references unit_directory (unit_id),
    region         varchar(8),
    commune_group  smallint,
    special_status varchar(32),
    legal_basis    varchar(300),
    change         varchar(24)  not null,
    recorded_at    timestamptz  not null,
    primary key (unit_id, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create index unit_version_parent on unit_version (parent_id, valid_from);

insert into unit_version (unit_id, valid_from, name, name_key, parent_id, region, commune_group, special_status,
                          legal_basis, change, recorded_at)
select unit_id, valid_from, name, name_key, parent_id, region, commune_group, special_status, legal_basis,
       'REGISTERED', recorded_at
from unit_directory;

-- Names are unique among the siblings of a date, which a plain index cannot express: the command side checks it.
drop index unit_directory_sibling_name;

alter table unit_directory add column ended_on date;
alter table unit_directory add column end_reason varchar(16);
alter table unit_directory add column successor_ids jsonb not null default '[]';
