-- Post-certification monitoring (hậu kiểm): plans, inspections with their checklist and findings, complaints.
create table inspection_plan (
    id            uuid primary key,
    province_code varchar(2)   not null,
    kind          varchar(10)  not null check (kind in ('PERIODIC', 'AD_HOC')),
    title         varchar(300) not null,
    period_from   date         not null,
    period_to     date         not null,
    created_by    varchar(200) not null,
    created_at    timestamptz  not null,
    version       bigint       not null default 0,
    check (period_from <= period_to)
);
create table inspection_plan_product (
    plan_id    uuid not null references inspection_plan (id),
    product_id uuid not null,
    primary key (plan_id, product_id)
);

create table inspection (
    id                  uuid primary key,
    plan_id             uuid references inspection_plan (id),
    complaint_id        uuid,
    product_id          uuid         not null,
    certificate_id      uuid,
    province_code       varchar(2)   not null,
    inspector           varchar(200) not null,
    inspected_on        date         not null,
    status              varchar(10)  not null check (status in ('OPEN', 'COMPLETED')),
    criteria_still_met  boolean,
    mark_use_proper     boolean,
    label_matches       boolean,
    food_safety_ok      boolean,
    production_active   boolean,
    -- JSON arrays, written and read whole with the inspection.
    findings            text,
    lab_results         text,
    outcome             varchar(30) check (outcome in ('COMPLIANT', 'CORRECTIVE_ACTION', 'REVOCATION_PROPOSED')),
    corrective_deadline date,
    proposed_ground     varchar(40),
    completed_on        date,
    completed_at        timestamptz,
    created_by          varchar(200) not null,
    created_at          timestamptz  not null,
    version             bigint       not null default 0
);
create index inspection_province on inspection (province_code, inspected_on);
create index inspection_product on inspection (product_id);

-- Complaints (phản ánh) from anyone, about a product or a certificate; the case number lets the filer follow it.
create sequence complaint_case_seq;
create table complaint (
    id                 uuid primary key,
    case_number        varchar(40)   not null unique,
    product_id         uuid          not null,
    certificate_id     uuid,
    province_code      varchar(2)    not null,
    subject_reference  varchar(100)  not null,
    description        varchar(4000) not null,
    where_bought       varchar(500),
    contact            varchar(300),
    status             varchar(20)   not null check (status in ('RECEIVED', 'UNDER_REVIEW', 'DISMISSED', 'INSPECTION_OPENED')),
    triage_note        varchar(2000),
    inspection_id      uuid references inspection (id),
    received_at        timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0
);
create index complaint_province on complaint (province_code, status, received_at);
