-- Transition rules that keep a certificate valid past its end date, as versioned data. QĐ 26/2026/QĐ-TTg Điều 12:
-- a 3–5★ certificate issued before 22/5/2026 whose re-rating was filed (accepted) before it ended stays valid until the
-- re-rating is decided, at most 180 days past its end date. A rule applies to certificates issued before
-- issued_before that end while the rule is in force (effective_from..effective_to, inclusive).
create table validity_extension_rule (
    id                   uuid primary key,
    instrument           varchar(100) not null,
    description          text         not null,
    effective_from       date         not null,
    effective_to         date,
    issued_before        date         not null,
    max_days_past_expiry integer      not null check (max_days_past_expiry > 0),
    check (effective_to is null or effective_to >= effective_from)
);

insert into validity_extension_rule (id, instrument, description, effective_from, effective_to, issued_before,
                                     max_days_past_expiry)
values ('26260000-0000-4000-8000-000000000012', 'QĐ 26/2026/QĐ-TTg, Điều 12',
        'Re-rating filed before the certificate ended: valid until decided, at most 180 days past the end date',
        date '2026-05-22', null, date '2026-05-22', 180);
