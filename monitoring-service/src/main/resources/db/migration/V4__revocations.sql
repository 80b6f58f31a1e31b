-- Revocation decisions (quyết định thu hồi): one decision can name many certificates (a province revoked 47 at once).
-- authority = the issuing level: the province code for 3–4★ (provincial chairman), CENTRAL for 5★ (the ministry).
create table revocation_decision (
    id                uuid primary key,
    authority         varchar(10)  not null,
    decision_number   varchar(100) not null,
    decided_on        date         not null,
    ground            varchar(40)  not null check (ground in ('FALSE_INFORMATION', 'CRITERIA_NO_LONGER_MET',
                          'LEGAL_VIOLATION', 'MARK_MISUSE', 'PRODUCTION_STOPPED', 'OTHER_COMPETENT_CONCLUSION')),
    finding_on        date         not null,
    -- 15 days from the violation conclusion (or the commune's confirmation that production stopped) to the decision.
    deadline_on       date         not null,
    decided_late      boolean      not null,
    inspection_id     uuid,
    reason            text,
    certificate_count integer      not null,
    decided_by        varchar(200) not null,
    created_at        timestamptz  not null,
    unique (authority, decision_number)
);
create index revocation_decision_authority on revocation_decision (authority, decided_on);
create index certificate_revocation on certificate (revocation_id);
