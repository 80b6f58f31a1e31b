-- Producer read model (ProducerRegistered), for programme statistics by producer kind, women- and minority-led.
create table producer (
    id                  uuid primary key,
    kind                varchar(30) not null,
    province_code       varchar(2)  not null,
    woman_led           boolean     not null,
    ethnic_minority_led boolean     not null,
    registered_at       timestamptz not null
);
create index producer_province on producer (province_code);
