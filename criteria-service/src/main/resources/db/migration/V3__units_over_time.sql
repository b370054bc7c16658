-- Units over time as criteria-service learns them from ntm.units: each version of a unit's name, parent, path and
-- the attributes thresholds depend on, from the date it took effect. known_unit keeps the latest values and the day
-- the unit ended, if it did.
alter table known_unit add column ended_on date;

create table known_unit_version (
    unit_id        uuid         not null references known_unit (unit_id),
    valid_from     date         not null,
    name           varchar(120) not null,
    parent_id      uuid,
    path           jsonb        not null,
    region         varchar(8),
    commune_group  smallint,
    special_status varchar(32),
    primary key (unit_id, valid_from)
);

insert into known_unit_version (unit_id, valid_from, name, parent_id, path, region, commune_group, special_status)
select unit_id, valid_from, name, parent_id, path, region, commune_group, special_status from known_unit;
