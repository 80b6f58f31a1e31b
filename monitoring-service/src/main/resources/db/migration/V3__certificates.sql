-- Certificate register: every certificate evaluation issued (CertificateIssued), with the lifecycle this service owns
-- (expiry, revocation) and the one evaluation decides (supersession by a re-rating).
-- A row can exist before its CertificateIssued arrived: a re-rating's certificate may name the certificate it
-- supersedes first (events cross partitions and topics in any order). Such a row has issued = false until then.
create table certificate (
    id                   uuid primary key,
    number               varchar(100) unique,
    product_id           uuid,
    product_code         varchar(30),
    producer_id          uuid,
    province_code        varchar(2),
    stars                integer,
    issued_on            date,
    valid_until          date,
    decision_number      varchar(100),
    criteria_set_version varchar(50),
    supersedes_id        uuid,
    superseded_by_id     uuid,
    issued               boolean      not null default false,
    issued_at            timestamptz,
    status               varchar(20)  not null check (status in ('ACTIVE', 'SUPERSEDED', 'EXPIRED', 'REVOKED')),
    -- The next expiry milestone the job must act on (window opens, window closing, expiry); null when none is left.
    next_milestone_on    date,
    expired_on           date,
    revoked_on           date,
    revocation_id        uuid,
    updated_at           timestamptz  not null,
    version              bigint       not null default 0
);
create index certificate_due on certificate (next_milestone_on) where status = 'ACTIVE' and issued;
create index certificate_province on certificate (province_code, valid_until);
create index certificate_product on certificate (product_id);

-- Registration dossiers (ApplicationSubmitted / ApplicationWithdrawn), kept to know whether a product whose
-- certificate is in its re-rating window has filed. A withdrawal may arrive first: it leaves a row with kind null.
create table application (
    id                         uuid primary key,
    product_id                 uuid        not null,
    kind                       varchar(20),
    current_certificate_number varchar(100),
    accepted_on                date,
    withdrawn                  boolean     not null default false,
    updated_at                 timestamptz not null
);
create index application_product on application (product_id, kind);

-- One row per certificate and expiry milestone: the primary key makes each milestone's event happen once, even when
-- two replicas run the expiry job at the same moment or the job is repeated. emitted = false: the milestone had
-- already passed when the job first saw the certificate, so no stale reminder was sent.
create table certificate_milestone (
    certificate_id uuid        not null references certificate (id),
    milestone      varchar(30) not null check (milestone in ('REVIEW_WINDOW_OPENS', 'REVIEW_WINDOW_CLOSING', 'EXPIRED')),
    due_on         date        not null,
    emitted        boolean     not null,
    recorded_at    timestamptz not null,
    primary key (certificate_id, milestone)
);
