-- When the certificate expiry job last finished a run (scheduled or asked for through POST /api/v1/admin/expiry-runs):
-- one row, read by the gauge ocop_expiry_last_run_timestamp_seconds, so the "expiry job not run" alert sees the same
-- value on every replica and after a restart. Until the first run the row holds the install time (as_of null): the
-- alert then fires only if a whole day passes after the install without a run, not right after an install.
create table expiry_last_run (
    singleton boolean primary key default true check (singleton),
    finished_at timestamptz not null,
    as_of date
);
insert into expiry_last_run (singleton, finished_at, as_of) values (true, now(), null);
