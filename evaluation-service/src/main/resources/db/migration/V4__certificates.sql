-- Recognition decisions (quyết định công nhận) and the certificates they issue.
create table recognition_decision (
    id            uuid primary key,
    number        varchar(100) not null unique,
    decided_on    date         not null,
    level         varchar(20)  not null,
    province_code varchar(2),
    signer        varchar(200) not null,
    created_at    timestamptz  not null
);

-- Certificate numbers never repeat: one counter per issuing authority (province code or TW) and year.
create table certificate_number_sequence (
    authority   varchar(2) not null,
    year        integer    not null,
    last_serial integer    not null,
    primary key (authority, year)
);

create table certificate (
    id                 uuid primary key,
    number             varchar(40)  not null unique,
    product_id         uuid         not null,
    product_code       varchar(30)  not null,
    producer_id        uuid         not null,
    province_code      varchar(2)   not null,
    stars              integer      not null check (stars between 3 and 5),
    issued_on          date         not null,
    valid_until        date         not null,
    criteria_set_id    varchar(60)  not null,
    result_id          uuid         not null unique references evaluation_result (id),
    decision_id        uuid         not null references recognition_decision (id),
    status             varchar(20)  not null check (status in ('ACTIVE', 'SUPERSEDED', 'REVOKED', 'EXPIRED')),
    supersedes_id      uuid references certificate (id),
    superseded_by_id   uuid references certificate (id),
    status_reason      varchar(1000),
    status_changed_at  timestamptz  not null,
    version            bigint       not null default 0
);
create index certificate_product on certificate (product_id, issued_on);
create index certificate_province on certificate (province_code, status);
-- At most one certificate of a product is in force.
create unique index certificate_one_active on certificate (product_id) where status = 'ACTIVE';
