-- ShedLock's locks (net.javacrumbs.shedlock, JDBC provider with the database's time): a scheduled job runs on the one
-- instance that holds its row's lock (vn.ntm.support.scheduling.ExclusiveJob). docs/adr/0017.
CREATE TABLE shedlock (
    name character varying(64) PRIMARY KEY,
    lock_until timestamp NOT NULL,
    locked_at timestamp NOT NULL,
    locked_by character varying(255) NOT NULL
);

-- The job's row exists from the start (ShedLock would insert it at the first run), so that a run changes only the
-- times and owner of the lock, never the number of rows: HostileInputIT's table snapshots leave those columns out.
INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('village-service.deadline-watch', '1970-01-01', '1970-01-01', 'flyway');
