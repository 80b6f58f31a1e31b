-- Scan signals: how often each certificate was verified per day (page /c/{number}, GS1 resolver /01/{gtin}, public
-- JSON). Deliberately no personal data: no IP address, no user agent, no time of day finer than the date.
-- lapsed_signalled: the day's LapsedCertificateScanned event was already written to the outbox (at most one a day).
create table certificate_scan_day (
    certificate_id   uuid     not null references certificate (id),
    scanned_on       date     not null,
    scans            integer  not null check (scans > 0),
    lapsed_signalled boolean  not null default false,
    primary key (certificate_id, scanned_on)
);
create index certificate_scan_day_recent on certificate_scan_day (scanned_on);

-- A GTIN names one trade item, so one product. GS1 compares GTINs padded with zeros to 14 digits, and so does the
-- unique index. Products that already share a GTIN keep it on the first registered; the others lose it, and what
-- they had is kept in product_gtin_conflict for an officer to sort out (nothing is silently thrown away).
create table product_gtin_conflict (
    product_id    uuid        not null references product (id),
    gtin          varchar(14) not null,
    kept_by       uuid        not null references product (id),
    recorded_at   timestamptz not null default now(),
    primary key (product_id, gtin)
);

with ranked as (
    select id, gtin,
           first_value(id) over (partition by lpad(gtin, 14, '0') order by created_at, id) as keeper
    from product
    where gtin is not null
)
insert into product_gtin_conflict (product_id, gtin, kept_by)
select id, gtin, keeper from ranked where id <> keeper;

update product set gtin = null where id in (select product_id from product_gtin_conflict);

create unique index product_gtin_unique on product ((lpad(gtin, 14, '0'))) where gtin is not null;
