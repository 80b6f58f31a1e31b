-- Text search for the catalogue and unit lists: diacritic-insensitive (unaccent) and typo-tolerant (trigrams).
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so indexes need an IMMUTABLE wrapper naming the dictionary.
create or replace function ocop_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Commune-level units (xã, phường, đặc khu) of the 2025 list; since 1/7/2025 they sit directly under a province.
create table commune (
    code          varchar(5)   primary key,
    name          varchar(100) not null,
    kind          varchar(20)  not null check (kind in ('COMMUNE', 'WARD', 'SPECIAL_ZONE')),
    province_code varchar(2)   not null references province (code),
    unit_list     varchar(20)  not null references unit_list_version (version),
    search_name   varchar(100) not null,
    updated_at    timestamptz  not null default now(),
    version       bigint       not null default 0
);
create index commune_province on commune (province_code, search_name);

-- The communes the demo data and the tests use. Codes are 5-digit commune codes as the demo data gives them; the
-- names are illustrative, not checked against QĐ 19/2025/QĐ-TTg. Load the full list (3,321 units) through
-- POST /api/v1/communes.
insert into commune (code, name, kind, province_code, unit_list, search_name) values
    ('00652', 'Xã Bát Tràng', 'COMMUNE', '01', '2025', 'xa bat trang'),
    ('00004', 'Phường Ba Đình', 'WARD', '01', '2025', 'phuong ba dinh'),
    ('05623', 'Xã Tân Cương', 'COMMUNE', '19', '2025', 'xa tan cuong'),
    ('07456', 'Xã Lục Ngạn', 'COMMUNE', '24', '2025', 'xa luc ngan'),
    ('10531', 'Phường Hải Dương', 'WARD', '31', '2025', 'phuong hai duong'),
    ('15001', 'Phường Hạc Thành', 'WARD', '38', '2025', 'phuong hac thanh'),
    ('17599', 'Xã Tân Kỳ', 'COMMUNE', '40', '2025', 'xa tan ky'),
    ('17617', 'Xã Giai Xuân', 'COMMUNE', '40', '2025', 'xa giai xuan'),
    ('18070', 'Phường Thành Sen', 'WARD', '42', '2025', 'phuong thanh sen'),
    ('21010', 'Phường Cẩm Thành', 'WARD', '51', '2025', 'phuong cam thanh'),
    ('21013', 'Phường Nghĩa Lộ', 'WARD', '51', '2025', 'phuong nghia lo'),
    ('21190', 'Xã Tư Nghĩa', 'COMMUNE', '51', '2025', 'xa tu nghia'),
    ('21880', 'Đặc khu Lý Sơn', 'SPECIAL_ZONE', '51', '2025', 'dac khu ly son'),
    ('21898', 'Xã Bình Sơn', 'COMMUNE', '51', '2025', 'xa binh son'),
    ('21925', 'Xã Mộ Đức', 'COMMUNE', '51', '2025', 'xa mo duc'),
    ('31117', 'Phường Ninh Kiều', 'WARD', '92', '2025', 'phuong ninh kieu'),
    ('31582', 'Xã Hòa Tú', 'COMMUNE', '92', '2025', 'xa hoa tu');
