-- A council's advisory team (tổ tư vấn): not council seats, they do not score.
create table advisory_member (
    id           uuid primary key,
    council_id   uuid         not null references council (id),
    position     integer      not null,
    name         varchar(200) not null,
    organisation varchar(300) not null
);
create index advisory_member_council on advisory_member (council_id);

-- The advisory team's report attached to a session (one per session, never changed).
create table advisory_report (
    id             uuid primary key,
    session_id     uuid          not null unique references evaluation_session (id),
    summary        text          not null,
    attachment_url varchar(1000),
    author         varchar(200)  not null,
    report_date    date          not null,
    created_at     timestamptz   not null,
    created_by     varchar(200)  not null
);

create table advisory_recommendation (
    report_id      uuid          not null references advisory_report (id),
    position       integer       not null,
    product_id     uuid          not null,
    recommendation varchar(2000) not null,
    primary key (report_id, position)
);
