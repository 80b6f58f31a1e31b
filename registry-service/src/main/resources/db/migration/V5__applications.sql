-- Registration dossiers (hồ sơ đăng ký): Form 01 (phiếu đăng ký), Form 02 (self-assessment) and the commune's Form 03,
-- kept as JSON documents because their fields follow the forms of QĐ 26/2026 Annex III and may change with them.
create table application (
    id                         uuid primary key,
    kind                       varchar(20)  not null check (kind in ('FIRST_RATING', 'UPGRADE', 'RE_RATING')),
    status                     varchar(20)  not null,
    product_id                 uuid         not null references product (id),
    producer_id                uuid         not null references producer (id),
    province_code              varchar(2)   not null,
    commune_code               varchar(5)   not null,
    product_set                integer      not null,
    current_certificate_number varchar(100),
    form01                     text         not null,
    form02                     text         not null,
    form03                     text,
    samples_received           integer,
    submitted_at               timestamptz,
    review_due_on              date,
    return_reasons             text,
    created_at                 timestamptz  not null,
    created_by                 varchar(200) not null,
    updated_at                 timestamptz  not null,
    updated_by                 varchar(200) not null,
    version                    bigint       not null default 0
);
create index application_product on application (product_id);
create index application_scope on application (province_code, commune_code, status);

-- Who moved a dossier from which status to which, when and why.
create table application_transition (
    id             bigserial primary key,
    application_id uuid         not null references application (id),
    action         varchar(30)  not null,
    from_status    varchar(20),
    to_status      varchar(20)  not null,
    actor          varchar(200) not null,
    actor_roles    varchar(300),
    reason         text,
    at             timestamptz  not null
);
create index application_transition_application on application_transition (application_id, id);

-- Uploaded dossier files; content in bytea, or only the checksum-named file when a storage directory is configured.
create table application_document (
    id             uuid primary key,
    application_id uuid         not null references application (id),
    document_type  varchar(40)  not null,
    file_name      varchar(255) not null,
    content_type   varchar(100) not null,
    size_bytes     bigint       not null,
    sha256         varchar(64)  not null,
    content        bytea,
    uploaded_at    timestamptz  not null,
    uploaded_by    varchar(200) not null
);
create index application_document_application on application_document (application_id);
