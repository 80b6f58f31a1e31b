-- Market read models for the programme's market targets (OCOP.md §6), fed by market's events through the inbox.
-- Events about one listing can arrive in any order across a rebuild: status_at (the market's time of the change)
-- decides which status is the latest; a listing seen first through a suspension has created = false until its
-- ListingCreated fills in the producer and the outlet.
create table listing (
    id               uuid primary key,
    product_id       uuid        not null,
    producer_id      uuid,
    province_code    varchar(2),
    channel_id       uuid,
    point_of_sale_id uuid,
    outlet_kind      varchar(40),
    modern_channel   boolean     not null default false,
    created          boolean     not null default false,
    status           varchar(20) not null check (status in ('ACTIVE', 'SUSPENDED')),
    status_at        timestamptz not null,
    updated_at       timestamptz not null
);
create index listing_producer on listing (producer_id) where status = 'ACTIVE' and modern_channel;

create table point_of_sale (
    id             uuid primary key,
    name           varchar(300) not null,
    province_code  varchar(2)   not null,
    category       varchar(40)  not null,
    modern_channel boolean      not null,
    status         varchar(20)  not null check (status in ('PROPOSED', 'APPROVED', 'SUSPENDED', 'CLOSED')),
    status_at      timestamptz  not null,
    updated_at     timestamptz  not null
);
create index point_of_sale_province on point_of_sale (province_code) where status = 'APPROVED';

-- Programme targets as versioned reference data: each version names its instrument and the dates it is in force
-- (inclusive; effective_to null = until a later version starts). Statistics use the version in force on their date.
create table target_version (
    id             uuid primary key,
    instrument     varchar(100) not null,
    title          varchar(500) not null,
    effective_from date         not null unique,
    effective_to   date,
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    check (effective_to is null or effective_to >= effective_from)
);

create table target_value (
    version_id  uuid          not null references target_version (id),
    code        varchar(40)   not null check (code in ('PRODUCTS_3_STAR', 'PRODUCTS_5_STAR', 'COOPERATIVE_SHARE',
                                  'SME_SHARE', 'MODERN_CHANNEL_SHARE', 'POINT_OF_SALE_PER_PROVINCE')),
    value       numeric(12, 4) not null check (value > 0),
    -- A range's upper bound (5★: 400–500); progress is measured against value, the lower bound.
    upper_value numeric(12, 4),
    primary key (version_id, code)
);

insert into target_version (id, instrument, title, effective_from, effective_to, created_by, created_at)
values ('9190a000-0000-4000-8000-000000000919', 'QĐ 919/QĐ-TTg',
        'Chương trình Mỗi xã một sản phẩm giai đoạn 2021–2025: targets for 2025', date '2022-08-01', null,
        'migration V7', now());
insert into target_value (version_id, code, value, upper_value) values
    ('9190a000-0000-4000-8000-000000000919', 'PRODUCTS_3_STAR', 10000, null),
    ('9190a000-0000-4000-8000-000000000919', 'PRODUCTS_5_STAR', 400, 500),
    ('9190a000-0000-4000-8000-000000000919', 'COOPERATIVE_SHARE', 0.40, null),
    ('9190a000-0000-4000-8000-000000000919', 'SME_SHARE', 0.30, null),
    ('9190a000-0000-4000-8000-000000000919', 'MODERN_CHANNEL_SHARE', 0.50, null),
    ('9190a000-0000-4000-8000-000000000919', 'POINT_OF_SALE_PER_PROVINCE', 1, null);

-- Milestones are the expiry job's memory of what it announced, not a projection of consumed events: they survive a
-- rebuild of the certificate register (which empties and refills certificate), so no reminder is sent twice.
alter table certificate_milestone drop constraint certificate_milestone_certificate_id_fkey;
