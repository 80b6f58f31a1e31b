-- Import jobs share the platform's queue (vn.ocop.platform.imports): fair across provinces, cancellable, and a job
-- whose worker stopped beating (service killed mid-file) ends INTERRUPTED. A row that changes nothing is UNCHANGED.
alter table import_job drop constraint import_job_status_check;
alter table import_job add constraint import_job_status_check
    check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED'));
alter table import_job add column unchanged_count integer not null default 0;
alter table import_job add column heartbeat_at timestamptz;
alter table import_job add column cancel_requested boolean not null default false;
create index import_job_queue on import_job (status, created_at);

alter table import_row_result drop constraint import_row_result_outcome_check;
alter table import_row_result add constraint import_row_result_outcome_check
    check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'FAILED'));
