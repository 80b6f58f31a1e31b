-- Days on which a certificate that had ended (revoked, expired, superseded) was still scanned or looked up, from
-- registry's LapsedCertificateScanned: lapsed packaging is probably still on sale there. One row per certificate and
-- day (registry sends at most one event a day; a replayed one only keeps the higher count). No personal data.
create table lapsed_scan_day (
    certificate_id     uuid         not null,
    scanned_on         date         not null,
    certificate_number varchar(100) not null,
    product_id         uuid         not null,
    product_code       varchar(50),
    product_name       varchar(300),
    province_code      varchar(2)   not null,
    status             varchar(20)  not null,
    scans              integer      not null check (scans > 0),
    received_at        timestamptz  not null,
    primary key (certificate_id, scanned_on)
);
create index lapsed_scan_day_province on lapsed_scan_day (province_code, scanned_on);
