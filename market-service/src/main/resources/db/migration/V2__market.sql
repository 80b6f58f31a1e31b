-- Market: certificate view, provinces, points of sale, channels, listings, webhook deliveries, sales reports,
-- promotions. Money is whole VND (bigint).

-- The 34 provincial units in force since 1/7/2025 (OCOP.md §8), copied from the registry's reference data: the
-- market needs them to validate points of sale and to list provinces still without an approved point of sale.
create table province (
    code varchar(2)   primary key,
    name varchar(100) not null
);
insert into province (code, name) values
    ('01', 'Thành phố Hà Nội'), ('04', 'Cao Bằng'), ('08', 'Tuyên Quang'), ('11', 'Điện Biên'), ('12', 'Lai Châu'),
    ('14', 'Sơn La'), ('15', 'Lào Cai'), ('19', 'Thái Nguyên'), ('20', 'Lạng Sơn'), ('22', 'Quảng Ninh'),
    ('24', 'Bắc Ninh'), ('25', 'Phú Thọ'), ('31', 'Thành phố Hải Phòng'), ('33', 'Hưng Yên'), ('37', 'Ninh Bình'),
    ('38', 'Thanh Hóa'), ('40', 'Nghệ An'), ('42', 'Hà Tĩnh'), ('44', 'Quảng Trị'), ('46', 'Thành phố Huế'),
    ('48', 'Thành phố Đà Nẵng'), ('51', 'Quảng Ngãi'), ('52', 'Gia Lai'), ('56', 'Khánh Hòa'), ('66', 'Đắk Lắk'),
    ('68', 'Lâm Đồng'), ('75', 'Đồng Nai'), ('79', 'Thành phố Hồ Chí Minh'), ('80', 'Tây Ninh'), ('82', 'Đồng Tháp'),
    ('86', 'Vĩnh Long'), ('91', 'An Giang'), ('92', 'Thành phố Cần Thơ'), ('96', 'Cà Mau');

-- Certificates as the market learns them from evaluation (issued) and monitoring (revoked, expired). Events arrive in
-- any order, so a row may exist before its CertificateIssued (then the issue details are still null).
create table certificate (
    id                uuid primary key,
    number            varchar(100),
    product_id        uuid         not null,
    product_code      varchar(30),
    producer_id       uuid,
    province_code     varchar(2)   not null,
    stars             integer,
    issued_on         date,
    valid_until       date,
    supersedes_id     uuid,
    status            varchar(20)  not null,
    ended_reason      varchar(300),
    ended_on          date,
    issue_received    boolean      not null default false,
    updated_at        timestamptz  not null
);
create index certificate_product on certificate (product_id, status);

create table point_of_sale (
    id              uuid primary key,
    name            varchar(300) not null,
    category        varchar(40)  not null,
    province_code   varchar(2)   not null references province (code),
    commune_code    varchar(5),
    operator_name   varchar(300) not null,
    address         varchar(500) not null,
    latitude        numeric(9, 6),
    longitude       numeric(9, 6),
    opening_hours   varchar(300),
    status          varchar(20)  not null,
    notify_url      varchar(1000),
    notify_secret   varchar(200),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
create index point_of_sale_province on point_of_sale (province_code, status);

create table sales_channel (
    id              uuid primary key,
    name            varchar(300) not null unique,
    kind            varchar(40)  not null,
    website         varchar(1000),
    operator_name   varchar(300) not null,
    notify_url      varchar(1000),
    notify_secret   varchar(200),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);

create table listing (
    id                        uuid primary key,
    product_id                uuid         not null,
    producer_id               uuid         not null,
    province_code             varchar(2)   not null,
    product_code              varchar(30)  not null,
    channel_id                uuid references sales_channel (id),
    point_of_sale_id          uuid references point_of_sale (id),
    certificate_id            uuid         not null references certificate (id),
    external_sku              varchar(200),
    external_url              varchar(1000),
    price_vnd                 bigint       not null check (price_vnd >= 0),
    listed_since              date         not null,
    status                    varchar(20)  not null,
    suspended_at              timestamptz,
    suspension_reason         varchar(20),
    suspended_certificate_id  uuid,
    acknowledged_at           timestamptz,
    acknowledged_by           varchar(200),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    version                   bigint       not null default 0,
    check ((channel_id is null) <> (point_of_sale_id is null))
);
create unique index listing_one_per_channel on listing (product_id, channel_id) where channel_id is not null and status <> 'WITHDRAWN';
create unique index listing_one_per_point on listing (product_id, point_of_sale_id) where point_of_sale_id is not null and status <> 'WITHDRAWN';
create index listing_product on listing (product_id, status);
create index listing_escalation on listing (province_code, suspended_at) where status = 'SUSPENDED' and acknowledged_at is null;

-- Webhook deliveries: written in the transaction that suspends or reinstates, sent after commit by WebhookSender.
create table webhook_delivery (
    id               uuid primary key,
    listing_id       uuid          not null references listing (id),
    target_kind      varchar(20)   not null,
    target_id        uuid          not null,
    url              varchar(1000) not null,
    event_type       varchar(50)   not null,
    payload          text          not null,
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_status_code integer,
    last_error       varchar(1000),
    created_at       timestamptz   not null,
    delivered_at     timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_target on webhook_delivery (target_id, created_at);

-- One report per listing and month: a resend replaces the figures, it never adds to them.
create table sales_report (
    id            uuid primary key,
    listing_id    uuid         not null references listing (id),
    period        varchar(7)   not null,
    quantity      bigint       not null check (quantity >= 0),
    revenue_vnd   bigint       not null check (revenue_vnd >= 0),
    reported_by   varchar(200) not null,
    reported_at   timestamptz  not null,
    version       bigint       not null default 0,
    unique (listing_id, period)
);

create table promotion (
    id             uuid primary key,
    name           varchar(300) not null,
    kind           varchar(30)  not null,
    starts_on      date         not null,
    ends_on        date         not null,
    province_code  varchar(2) references province (code),
    place          varchar(500),
    platform       varchar(300),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0,
    check (ends_on >= starts_on)
);

create table promotion_product (
    promotion_id  uuid        not null references promotion (id),
    product_id    uuid        not null,
    certificate_id uuid       not null references certificate (id),
    added_at      timestamptz not null,
    primary key (promotion_id, product_id)
);
