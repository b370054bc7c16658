-- Criteria statuses as timelines in valid time (issue 14). criteria-service's status events (schema version 2) each
-- say "from validOn until validUntil the status is S"; each row here is such a stretch, [valid_from, valid_until)
-- (exclusive; null: open-ended), of a unit's standing against a set or of one criterion's status. A unit's rows for
-- one set (or criterion) never overlap: a stretch received replaces what the table held for its dates, and the rows
-- it overlaps at its edges are cut (CriteriaStandings). recorded_at is when criteria-service recorded the stretch.
--
-- The rows of V4 were the latest status heard, valid from the date it changed: each becomes an open-ended stretch from
-- that date, as schema version 1 events are read (EventCodec upcasts them with validUntil = null).
alter table set_standing rename column valid_on to valid_from;
alter table set_standing
    add column valid_until      date,
    add column criteria_not_met jsonb not null default '[]',
    add column set_version      int   not null default 0,
    add column cause            jsonb not null default '{"kind": "LEGACY"}';

alter table criterion_standing rename column valid_on to valid_from;
alter table criterion_standing
    add column valid_until date,
    add column set_version int         not null default 0,
    add column cause       jsonb       not null default '{"kind": "LEGACY"}',
    add column recorded_at timestamptz;

-- Every status event carries its valid date; a row without one (none are expected) counts from the day it was heard.
update set_standing set valid_from = (recorded_at at time zone 'Asia/Ho_Chi_Minh')::date where valid_from is null;
update criterion_standing c
set recorded_at = coalesce((select s.recorded_at from set_standing s
                            where s.unit_id = c.unit_id and s.criteria_set = c.criteria_set), now());
update criterion_standing set valid_from = (recorded_at at time zone 'Asia/Ho_Chi_Minh')::date
where valid_from is null;

-- V4 kept a set's counts as they were when its status last changed, so they went stale (a commune with 10 of 19
-- criteria failing read criteriaMet 13): they are counted again from the latest criterion statuses heard.
update set_standing s
set criteria_met     = least(s.criteria_total, (select count(*) from criterion_standing c
                                                where c.unit_id = s.unit_id and c.criteria_set = s.criteria_set
                                                  and c.status = 'MET')),
    criteria_not_met = coalesce((select jsonb_agg(c.criterion_code order by length(c.criterion_code),
                                                  c.criterion_code)
                                 from criterion_standing c
                                 where c.unit_id = s.unit_id and c.criteria_set = s.criteria_set
                                   and c.status = 'NOT_MET'), '[]')
where exists (select 1 from criterion_standing c where c.unit_id = s.unit_id and c.criteria_set = s.criteria_set);

alter table set_standing
    alter column valid_from set not null,
    alter column set_version drop default,
    alter column cause drop default,
    drop constraint set_standing_pkey,
    add primary key (unit_id, criteria_set, valid_from),
    add check (valid_until is null or valid_until > valid_from);
alter table criterion_standing
    alter column valid_from set not null,
    alter column recorded_at set not null,
    alter column set_version drop default,
    alter column cause drop default,
    drop constraint criterion_standing_pkey,
    add primary key (unit_id, criteria_set, criterion_code, valid_from),
    add check (valid_until is null or valid_until > valid_from);
