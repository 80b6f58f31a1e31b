-- A council's regulation (quy chế hoạt động) and the extra rounds (đợt bổ sung) it allows beyond the round calendar.
alter table council add column regulation varchar(500);

create table council_extra_round (
    council_id   uuid not null references council (id),
    position     integer not null,
    files_due_by date not null,
    decide_by    date not null,
    check (files_due_by < decide_by),
    primary key (council_id, position)
);

-- The awaiting-evaluation list pages accepted dossiers of a province by acceptance.
create index application_province_accepted on application (province_code, status, accepted_at);
