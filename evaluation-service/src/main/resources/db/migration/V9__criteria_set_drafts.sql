-- Criteria set drafts: a score sheet uploaded as XLSX or CSV, validated, kept for preview until it is published as a
-- criteria_set version (then marked published and kept as the record of where that version came from).
create table criteria_set_draft (
    id               uuid         primary key,
    criteria_set_id  varchar(60)  not null,
    body             text         not null,
    source_type      varchar(10)  not null check (source_type in ('XLSX', 'CSV')),
    file_name        varchar(255),
    file_sha256      varchar(64)  not null,
    created_at       timestamptz  not null,
    created_by       varchar(200) not null,
    published_at     timestamptz,
    published_by     varchar(200)
);
create index criteria_set_draft_set on criteria_set_draft (criteria_set_id);
