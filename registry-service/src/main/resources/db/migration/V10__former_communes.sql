-- Former communes (before 1/7/2025) and the commune each became; a former commune split across several new ones has
-- one row per new commune. code is null where the official mapping names the former commune only. Filled by V11
-- (generated from the official lists, see tools/admin-units).
create table former_commune (
    id                   serial       primary key,
    code                 varchar(5),
    name                 varchar(100) not null,
    district_name        varchar(100),
    legacy_province_code varchar(2)   not null references legacy_province (code),
    search_name          varchar(100) not null,
    commune_code         varchar(5)   not null references commune (code)
);
create index former_commune_code on former_commune (code);
create index former_commune_name on former_commune (search_name);

-- The value a producer or product was registered with (a former commune's code or name) when it was mapped.
alter table producer add column legacy_commune_code varchar(100);
alter table product add column legacy_commune_code varchar(100);
