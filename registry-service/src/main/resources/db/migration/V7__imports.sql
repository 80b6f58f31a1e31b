-- Bulk import: producers and products may carry the importing system's own key; importing it again updates the row.
alter table producer add column external_ref varchar(100);
alter table product add column external_ref varchar(100);
create unique index producer_external_ref on producer (external_ref);
create unique index product_external_ref on product (external_ref);

-- An upload waits here until a worker claims it; content is kept so that a restart resumes the job.
create table import_job (
    id              uuid primary key,
    status          varchar(20)  not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    media_type      varchar(100) not null,
    content         text         not null,
    scope_province  varchar(2),
    total_rows      integer      not null default 0,
    processed_rows  integer      not null default 0,
    created_count   integer      not null default 0,
    updated_count   integer      not null default 0,
    failed_count    integer      not null default 0,
    error           text,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz
);

create table import_row_result (
    job_id       uuid         not null references import_job (id),
    row_number   integer      not null,
    outcome      varchar(10)  not null check (outcome in ('CREATED', 'UPDATED', 'FAILED')),
    entity_type  varchar(20),
    entity_id    uuid,
    external_ref varchar(100),
    errors       text,
    primary key (job_id, row_number)
);
