-- Form 01 receipt numbers "(serial)/PĐK-(province)-(commune)-(year)", given when a dossier first reaches the commune;
-- the serial per commune and year only grows.
alter table application add column receipt_number varchar(50) unique;
create table application_receipt_sequence (
    province_code varchar(2) not null,
    commune_code  varchar(5) not null,
    year          integer    not null,
    last_serial   integer    not null,
    primary key (province_code, commune_code, year)
);
