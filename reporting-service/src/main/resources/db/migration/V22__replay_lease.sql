-- A replay is one run across every reporting instance (ADR 18): the instance that runs it holds a lease on its
-- replay_run row and renews it while it works; another instance may take over (mark the run FAILED and start a new
-- one) only once the lease has expired. Cancelling from any instance sets cancel_requested, which the runner reads
-- each time it renews.
alter table replay_run
    add column owner_instance   varchar(200),
    add column lease_until      timestamptz,
    add column cancel_requested boolean not null default false;

-- runs left RUNNING by a process that stopped before this version had no lease: none of them is running now
update replay_run
set state = 'FAILED', finished_at = coalesce(finished_at, now()),
    message = coalesce(message, 'abandoned: the process running it stopped before replays had leases')
where state in ('RUNNING', 'SWAPPING');

-- at most one run at a time, whichever instance starts it: a second insert while one runs fails on this index
create unique index replay_run_one_at_a_time on replay_run ((true)) where state in ('RUNNING', 'SWAPPING');
