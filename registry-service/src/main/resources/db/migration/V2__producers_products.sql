-- Producers (chủ thể OCOP).
create table producer (
    id                    uuid primary key,
    name                  varchar(300) not null,
    kind                  varchar(30)  not null,
    tax_code              varchar(14)  not null unique,
    province_code         varchar(2)   not null references province (code),
    legacy_province_code  varchar(2),
    commune_code          varchar(5),
    unit_list             varchar(20)  not null references unit_list_version (version),
    address               varchar(500),
    phone                 varchar(30),
    email                 varchar(200),
    representative_name   varchar(200) not null,
    representative_title  varchar(100),
    representative_gender varchar(10)  not null,
    representative_ethnic_group varchar(50),
    representative_ethnic_minority boolean not null default false,
    representative_disabled boolean not null default false,
    created_at            timestamptz  not null,
    created_by            varchar(200) not null,
    updated_at            timestamptz  not null,
    updated_by            varchar(200) not null,
    version               bigint       not null default 0
);
create index producer_province on producer (province_code);

-- Product codes (T-X-STT-YYYY) are never reused: the serial per commune and year only grows.
create table product_code_sequence (
    province_code varchar(2) not null,
    commune_code  varchar(5) not null,
    year          integer    not null,
    last_serial   integer    not null,
    primary key (province_code, commune_code, year)
);

create table product (
    id            uuid primary key,
    code          varchar(30)  not null unique,
    name          varchar(300) not null,
    product_set   integer      not null check (product_set between 1 and 26),
    producer_id   uuid         not null references producer (id),
    province_code varchar(2)   not null references province (code),
    commune_code  varchar(5)   not null,
    unit_list     varchar(20)  not null references unit_list_version (version),
    description   text,
    story         text,
    created_at    timestamptz  not null,
    created_by    varchar(200) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null,
    version       bigint       not null default 0
);
create index product_producer on product (producer_id);
create index product_province on product (province_code);
