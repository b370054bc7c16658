-- The units that took over an ended unit (merger, split), so that access control can follow a commune's history
-- to the unit that holds it now (docs/adr/0010).
alter table known_unit add column successor_ids jsonb not null default '[]';
