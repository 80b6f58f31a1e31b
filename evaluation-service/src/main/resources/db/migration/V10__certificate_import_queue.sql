-- Certificate imports share the platform's queue (vn.ocop.platform.imports): fair across provinces, and a job whose
-- worker stopped beating (service killed mid-file) goes back to the queue and resumes after its last finished row.
alter table certificate_import_job add column heartbeat_at timestamptz;
alter table certificate_import_job add column cancel_requested boolean not null default false;
