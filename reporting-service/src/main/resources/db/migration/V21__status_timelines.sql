-- Status events are stretches of timelines in valid time (schema version 2 of IndicatorStatusChanged,
-- CriterionStatusChanged and CriteriaSetStatusChanged): from valid_on until valid_until (exclusive; null: open-ended)
-- the status is S, as the platform learnt at recorded_at, caused by a fact of kind cause_kind. A stretch recorded later
-- replaces, for its dates, whatever was known of them before. The tables stay append-only (history is kept forever):
-- "as of D, as known at K" is, per key, the row with valid_on <= D < coalesce(valid_until, infinity) and
-- recorded_at <= K that was recorded last, ties (several stretches of one command share recorded_at) broken by arrival,
-- the order the rows were folded in (Kafka keeps one unit's events in order, folds insert in order).
--
-- Criteria sets keep every version (code, version): a report as of D describes a set by the version in force on D.
--
-- Both generations change alike (ADR 7): a replay truncates the other generation and refills it, so it must have the
-- same columns. Each schema gets its own arrival sequence (a later `create table ... (like ... including all)` would
-- share the sequence between the generations: add such a column with alter table in each schema, as here). The
-- public views select * and so are dropped and pointed at the live generation again.

drop view public.status_history;
drop view public.rollup_status_history;
drop view public.criteria_set_view;

do $$
declare
    g text;
    i text;
    pk text;
begin
    foreach g in array array['rm_blue', 'rm_green'] loop
        -- indexes other than the primary keys, whatever their names (rm_green's were named by create table like)
        for i in select format('%I.%I', n.nspname, c.relname) from pg_index x
                 join pg_class c on c.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace
                 where x.indrelid in (format('%I.status_history', g)::regclass,
                                      format('%I.rollup_status_history', g)::regclass)
                   and not x.indisprimary loop
            execute 'drop index ' || i;
        end loop;

        -- v2 has no previous status: what a stretch replaced is whatever was known of its dates before
        execute format('alter table %I.status_history drop column previous_status,
                            add column valid_until date,
                            add column cause_kind varchar(32),
                            add column arrival bigserial', g);
        execute format('alter table %I.rollup_status_history drop column previous_status,
                            add column valid_until date,
                            add column cause_kind varchar(32),
                            add column set_version int,
                            add column arrival bigserial', g);
        -- rows folded from version 1: open-ended stretches of a legacy change (what the codec's upcast makes of them,
        -- so a replay rebuilds the same rows); version 1 named no set version of a criterion or a set
        execute format('update %I.status_history set cause_kind = ''LEGACY''', g);
        execute format('update %I.rollup_status_history set cause_kind = ''LEGACY''', g);
        execute format('alter table %I.status_history alter column cause_kind set not null', g);
        execute format('alter table %I.rollup_status_history alter column cause_kind set not null', g);

        -- the lookup "as of D, as known at K": per key, its rows by recorded time and arrival
        execute format('create index status_history_as_known on %I.status_history
                            (unit_id, criteria_set, indicator_code, recorded_at, arrival)', g);
        execute format('create index rollup_status_history_as_known on %I.rollup_status_history
                            (unit_id, criteria_set, criterion_code, recorded_at, arrival)', g);

        -- every version of a set, and when it was learnt (null: before this column existed)
        select conname into pk from pg_constraint
        where conrelid = format('%I.criteria_set_view', g)::regclass and contype = 'p';
        execute format('alter table %I.criteria_set_view drop constraint %I,
                            add column recorded_at timestamptz,
                            add primary key (code, version)', g, pk);
    end loop;
end $$;

select ntm_point_views_at(live_schema) from read_model_generation;
