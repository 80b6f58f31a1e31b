-- Files attached to an inspection (evidence of its findings) or to a complaint (the complainant's photo).
-- Content in bytea, or only the SHA-256-named file when a storage directory is configured (as registry's documents).
create table evidence_file (
    id            uuid primary key,
    owner_kind    varchar(20)  not null check (owner_kind in ('INSPECTION', 'COMPLAINT')),
    owner_id      uuid         not null,
    -- The finding (0-based, in the order recorded) an inspection file supports; null: the inspection as a whole.
    finding_index integer      check (finding_index >= 0),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    content       bytea,
    uploaded_at   timestamptz  not null,
    uploaded_by   varchar(200) not null
);
create index evidence_file_owner on evidence_file (owner_kind, owner_id);
-- One photo per complaint.
create unique index evidence_file_complaint_photo on evidence_file (owner_id) where owner_kind = 'COMPLAINT';
