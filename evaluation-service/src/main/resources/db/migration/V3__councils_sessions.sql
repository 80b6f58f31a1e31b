-- Councils (hội đồng đánh giá, phân hạng) with members and conflict-of-interest declarations.
create table council (
    id               uuid primary key,
    name             varchar(300) not null,
    level            varchar(20)  not null check (level in ('PROVINCIAL', 'CENTRAL')),
    province_code    varchar(2),
    quorum           integer      not null check (quorum >= 1),
    mandatory_share  numeric(5, 4) not null,
    mandatory_strict boolean      not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    check ((level = 'PROVINCIAL') = (province_code is not null))
);
create index council_province on council (province_code);

create table council_member (
    id         uuid primary key,
    council_id uuid         not null references council (id),
    subject    varchar(200) not null,
    full_name  varchar(200) not null,
    role       varchar(20)  not null check (role in ('CHAIR', 'MEMBER', 'SECRETARY')),
    unique (council_id, subject)
);

create table conflict_declaration (
    id             uuid primary key,
    council_id     uuid         not null references council (id),
    member_subject varchar(200) not null,
    producer_id    uuid         not null,
    reason         varchar(1000) not null,
    declared_at    timestamptz  not null,
    declared_by    varchar(200) not null,
    unique (council_id, member_subject, producer_id)
);

-- Dossiers the province accepted (from ApplicationSubmitted): what provincial sessions may evaluate.
create table application (
    id                         uuid primary key,
    product_id                 uuid         not null,
    product_code               varchar(30)  not null,
    producer_id                uuid         not null,
    province_code              varchar(2)   not null,
    product_set                integer      not null,
    kind                       varchar(20)  not null,
    current_certificate_number varchar(60),
    accepted_at                timestamptz  not null,
    status                     varchar(20)  not null,
    received_at                timestamptz  not null
);
create index application_province on application (province_code, status);

create table evaluation_session (
    id         uuid primary key,
    council_id uuid        not null references council (id),
    held_on    date        not null,
    created_at timestamptz not null,
    created_by varchar(200) not null
);
create index evaluation_session_council on evaluation_session (council_id);

-- One product on a session's agenda; closed separately from the others.
create table session_product (
    id                   uuid primary key,
    session_id           uuid        not null references evaluation_session (id),
    product_id           uuid        not null,
    product_code         varchar(30) not null,
    producer_id          uuid        not null,
    province_code        varchar(2)  not null,
    product_set          integer     not null,
    criteria_set_id      varchar(60) not null references criteria_set (id),
    application_id       uuid,
    nomination_result_id uuid,
    status               varchar(20) not null,
    result_id            uuid,
    unique (session_id, product_id)
);
create index session_product_product on session_product (product_id);

-- Member score sheets: immutable; an amendment is a new revision with a reason.
create table score_sheet (
    id                 uuid primary key,
    session_product_id uuid          not null references session_product (id),
    session_id         uuid          not null references evaluation_session (id),
    product_id         uuid          not null,
    member_subject     varchar(200)  not null,
    revision           integer       not null,
    current            boolean       not null,
    choices            text          not null,
    knock_outs         text          not null,
    total              numeric(5, 2) not null,
    part_totals        text          not null,
    mandatory_level    integer       not null,
    amendment_reason   varchar(1000),
    supersedes_id      uuid references score_sheet (id),
    submitted_at       timestamptz   not null,
    unique (session_product_id, member_subject, revision)
);
create unique index score_sheet_one_current on score_sheet (session_product_id, member_subject) where current;

-- A council's result for one product (what ProductRated announces).
create table evaluation_result (
    id                 uuid primary key,
    session_product_id uuid          not null unique references session_product (id),
    product_id         uuid          not null,
    product_code       varchar(30)   not null,
    producer_id        uuid          not null,
    province_code      varchar(2)    not null,
    product_set        integer       not null,
    council_level      varchar(20)   not null,
    criteria_set_id    varchar(60)   not null references criteria_set (id),
    average_score      numeric(5, 2) not null,
    band               integer       not null,
    mandatory_level    integer       not null,
    stars              integer       not null,
    outcome            varchar(30)   not null,
    knock_outs         text          not null,
    unmet_minima       text          not null,
    sheet_count        integer       not null,
    rated_on           date          not null,
    rated_at           timestamptz   not null,
    recognised         boolean       not null default false
);
create index evaluation_result_product on evaluation_result (product_id, rated_at);
create index evaluation_result_province on evaluation_result (province_code, outcome);
