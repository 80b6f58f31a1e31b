-- Migrated certificates (certificates issued before this system, brought in by a certificate import): they keep their
-- original number, decision and dates and have no evaluation result or recognition decision of ours.
alter table certificate alter column number type varchar(100);
alter table certificate alter column result_id drop not null;
alter table certificate alter column decision_id drop not null;
alter table certificate add column migrated boolean not null default false;
alter table certificate add column decision_number varchar(100);
alter table certificate add column level varchar(20);
alter table certificate add column issuing_province varchar(10);
alter table certificate add column score numeric(5, 2);
alter table certificate add constraint certificate_origin
    check (migrated or (result_id is not null and decision_id is not null));
create index certificate_number_folded on certificate (lower(number));

-- Province codes an issuing authority may have printed: the 34 units of 2025 and the 63 of 2008, each with the unit
-- of 2025 it is now (NQ 202/2025/QH15; the same table as the registry's legacy_province). A current code means itself.
create table province_succession (
    code        varchar(2) primary key,
    merged_into varchar(2) not null
);
insert into province_succession (code, merged_into) values
    ('01','01'), ('02','08'), ('04','04'), ('06','19'), ('08','08'), ('10','15'), ('11','11'), ('12','12'),
    ('14','14'), ('15','15'), ('17','25'), ('19','19'), ('20','20'), ('22','22'), ('24','24'), ('25','25'),
    ('26','25'), ('27','24'), ('30','31'), ('31','31'), ('33','33'), ('34','33'), ('35','37'), ('36','37'),
    ('37','37'), ('38','38'), ('40','40'), ('42','42'), ('44','44'), ('45','44'), ('46','46'), ('48','48'),
    ('49','48'), ('51','51'), ('52','52'), ('54','66'), ('56','56'), ('58','56'), ('60','68'), ('62','51'),
    ('64','52'), ('66','66'), ('67','68'), ('68','68'), ('70','75'), ('72','80'), ('74','79'), ('75','75'),
    ('77','79'), ('79','79'), ('80','80'), ('82','82'), ('83','86'), ('84','86'), ('86','86'), ('87','82'),
    ('89','91'), ('91','91'), ('92','92'), ('93','92'), ('94','92'), ('95','96'), ('96','96');

-- One certificate import (CSV or NDJSON), processed in the background row by row.
create table certificate_import_job (
    id             uuid primary key,
    status         varchar(20)  not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    media_type     varchar(100) not null,
    content        text         not null,
    scope_province varchar(2),
    total_rows     integer      not null,
    processed_rows integer      not null default 0,
    created_count  integer      not null default 0,
    unchanged_count integer     not null default 0,
    failed_count   integer      not null default 0,
    error          varchar(1000),
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
create index certificate_import_job_queue on certificate_import_job (status, created_at);

create table certificate_import_row (
    job_id             uuid         not null references certificate_import_job (id),
    row_number         integer      not null,
    outcome            varchar(20)  not null check (outcome in ('CREATED', 'UNCHANGED', 'FAILED')),
    certificate_number varchar(100),
    certificate_id     uuid,
    errors             text,
    primary key (job_id, row_number)
);
