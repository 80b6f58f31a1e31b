-- Read model of the registry's products, fed by ProductRegistered through the inbox.
create table product (
    id            uuid primary key,
    code          varchar(30)  not null,
    name          varchar(300) not null,
    product_set   integer      not null,
    producer_id   uuid         not null,
    province_code varchar(2)   not null,
    commune_code  varchar(5),
    registered_at timestamptz  not null,
    received_at   timestamptz  not null
);
create index product_province on product (province_code, code);
