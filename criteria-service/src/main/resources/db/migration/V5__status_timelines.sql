-- Status timelines in valid time (issue 14, ADR 14): a status entry of the log is a stretch of valid time, from
-- valid_on until valid_until (exclusive; null: open-ended), caused by a fact of kind cause_kind. Of the stretches
-- covering a date, the one recorded last holds; seq orders the entries of one transaction, in the order applied.
alter table assessment_log
    add column valid_until      date,
    add column cause_kind       varchar(32),
    add column set_version      int,
    add column criteria_met     int,
    add column criteria_total   int,
    add column criteria_not_met varchar(2000),
    add column seq              bigserial;

-- Rows written before: a status changed on valid_on, for ever after (what they meant then); a set's counts were
-- kept in reason as "met/total".
update assessment_log set cause_kind = 'LEGACY' where kind in ('INDICATOR_STATUS', 'CRITERION_STATUS', 'SET_STATUS');
update assessment_log
   set criteria_met = split_part(reason, '/', 1)::int, criteria_total = split_part(reason, '/', 2)::int, reason = null
 where kind = 'SET_STATUS' and reason ~ '^[0-9]+/[0-9]+$';

create index assessment_log_stretch on assessment_log (unit_id, criteria_set, kind, code, valid_on);

-- Assessments whose timelines were derived again from their facts after the upgrade (TimelineUpgrade).
create table assessment_rules (
    unit_id      uuid        not null,
    criteria_set varchar(64) not null,
    digest       varchar(64) not null,
    adopted_at   timestamptz not null,
    primary key (unit_id, criteria_set)
);
