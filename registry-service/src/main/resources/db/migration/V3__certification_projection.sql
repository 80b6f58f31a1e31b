-- Certification projection: what evaluation (CertificateIssued, ProductRated) and monitoring (CertificateRevoked,
-- CertificateExpired) told us. Each certificate keeps the facts seen so far as separate columns; its status is a
-- function of those facts (revoked > expired > superseded > active), so any arrival order gives the same status.
create table certificate (
    id                   uuid primary key,
    number               varchar(100) unique,
    product_id           uuid         not null,
    product_code         varchar(30),
    producer_id          uuid,
    province_code        varchar(2),
    stars                integer,
    issued_on            date,
    valid_until          date,
    decision_number      varchar(100),
    criteria_set_version varchar(50),
    supersedes_id        uuid,
    issued_at            timestamptz,
    issued               boolean      not null default false,
    superseded_by        uuid,
    expired              boolean      not null default false,
    expired_at           timestamptz,
    revoked              boolean      not null default false,
    revocation_ground    text,
    revocation_decision  varchar(100),
    revoked_on           date,
    status               varchar(20)  not null check (status in ('ACTIVE', 'SUPERSEDED', 'EXPIRED', 'REVOKED')),
    updated_at           timestamptz  not null,
    version              bigint       not null default 0
);
create index certificate_product on certificate (product_id);

-- The latest council result per product (ProductRated); an older result arriving late never overwrites a newer one.
create table product_rating (
    product_id           uuid primary key,
    result_id            uuid          not null,
    council_level        varchar(30)   not null,
    criteria_set_version varchar(50)   not null,
    average_score        numeric(6, 2) not null,
    band                 integer       not null,
    mandatory_level      integer       not null,
    stars                integer       not null,
    outcome              varchar(50)   not null,
    rated_at             timestamptz   not null
);
