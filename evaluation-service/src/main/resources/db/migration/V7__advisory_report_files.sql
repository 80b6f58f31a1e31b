-- The signed advisory report as a file (PDF/JPEG/PNG); content in bytea, or only the checksum-named file when a
-- storage directory is configured. One per report, never replaced.
create table advisory_report_file (
    id           uuid primary key,
    report_id    uuid         not null unique references advisory_report (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea,
    uploaded_at  timestamptz  not null,
    uploaded_by  varchar(200) not null
);
