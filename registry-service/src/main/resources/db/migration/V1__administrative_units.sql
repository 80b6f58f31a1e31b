-- Administrative units are versioned: addresses store unit codes plus the version of the unit list they refer to.
create table unit_list_version (
    version        varchar(20) primary key,
    effective_from date         not null,
    legal_basis    varchar(300) not null
);
insert into unit_list_version values
    ('2008', date '2008-08-01', 'NQ 15/2008/QH12 (63 provinces)'),
    ('2025', date '2025-07-01', 'NQ 202/2025/QH15 (34 provincial units, two-level local government)');

-- The provincial units in force (list 2025).
create table province (
    code         varchar(2)   primary key,
    name         varchar(100) not null,
    kind         varchar(20)  not null check (kind in ('PROVINCE', 'CITY')),
    unit_list    varchar(20)  not null references unit_list_version (version)
);
insert into province (code, name, kind, unit_list) values
    ('01', 'Thành phố Hà Nội', 'CITY', '2025'), ('04', 'Cao Bằng', 'PROVINCE', '2025'),
    ('08', 'Tuyên Quang', 'PROVINCE', '2025'), ('11', 'Điện Biên', 'PROVINCE', '2025'),
    ('12', 'Lai Châu', 'PROVINCE', '2025'), ('14', 'Sơn La', 'PROVINCE', '2025'),
    ('15', 'Lào Cai', 'PROVINCE', '2025'), ('19', 'Thái Nguyên', 'PROVINCE', '2025'),
    ('20', 'Lạng Sơn', 'PROVINCE', '2025'), ('22', 'Quảng Ninh', 'PROVINCE', '2025'),
    ('24', 'Bắc Ninh', 'PROVINCE', '2025'), ('25', 'Phú Thọ', 'PROVINCE', '2025'),
    ('31', 'Thành phố Hải Phòng', 'CITY', '2025'), ('33', 'Hưng Yên', 'PROVINCE', '2025'),
    ('37', 'Ninh Bình', 'PROVINCE', '2025'), ('38', 'Thanh Hóa', 'PROVINCE', '2025'),
    ('40', 'Nghệ An', 'PROVINCE', '2025'), ('42', 'Hà Tĩnh', 'PROVINCE', '2025'),
    ('44', 'Quảng Trị', 'PROVINCE', '2025'), ('46', 'Thành phố Huế', 'CITY', '2025'),
    ('48', 'Thành phố Đà Nẵng', 'CITY', '2025'), ('51', 'Quảng Ngãi', 'PROVINCE', '2025'),
    ('52', 'Gia Lai', 'PROVINCE', '2025'), ('56', 'Khánh Hòa', 'PROVINCE', '2025'),
    ('66', 'Đắk Lắk', 'PROVINCE', '2025'), ('68', 'Lâm Đồng', 'PROVINCE', '2025'),
    ('75', 'Đồng Nai', 'PROVINCE', '2025'), ('79', 'Thành phố Hồ Chí Minh', 'CITY', '2025'),
    ('80', 'Tây Ninh', 'PROVINCE', '2025'), ('82', 'Đồng Tháp', 'PROVINCE', '2025'),
    ('86', 'Vĩnh Long', 'PROVINCE', '2025'), ('91', 'An Giang', 'PROVINCE', '2025'),
    ('92', 'Thành phố Cần Thơ', 'CITY', '2025'), ('96', 'Cà Mau', 'PROVINCE', '2025');

-- The 63 former provinces (list 2008) and the unit each merged into on 1/7/2025 (OCOP.md §8).
create table legacy_province (
    code        varchar(2)   primary key,
    name        varchar(100) not null,
    merged_into varchar(2)   not null references province (code)
);
insert into legacy_province (code, name, merged_into) values
    ('01', 'Hà Nội', '01'), ('02', 'Hà Giang', '08'), ('04', 'Cao Bằng', '04'), ('06', 'Bắc Kạn', '19'),
    ('08', 'Tuyên Quang', '08'), ('10', 'Lào Cai', '15'), ('11', 'Điện Biên', '11'), ('12', 'Lai Châu', '12'),
    ('14', 'Sơn La', '14'), ('15', 'Yên Bái', '15'), ('17', 'Hòa Bình', '25'), ('19', 'Thái Nguyên', '19'),
    ('20', 'Lạng Sơn', '20'), ('22', 'Quảng Ninh', '22'), ('24', 'Bắc Giang', '24'), ('25', 'Phú Thọ', '25'),
    ('26', 'Vĩnh Phúc', '25'), ('27', 'Bắc Ninh', '24'), ('30', 'Hải Dương', '31'), ('31', 'Hải Phòng', '31'),
    ('33', 'Hưng Yên', '33'), ('34', 'Thái Bình', '33'), ('35', 'Hà Nam', '37'), ('36', 'Nam Định', '37'),
    ('37', 'Ninh Bình', '37'), ('38', 'Thanh Hóa', '38'), ('40', 'Nghệ An', '40'), ('42', 'Hà Tĩnh', '42'),
    ('44', 'Quảng Bình', '44'), ('45', 'Quảng Trị', '44'), ('46', 'Thừa Thiên Huế', '46'), ('48', 'Đà Nẵng', '48'),
    ('49', 'Quảng Nam', '48'), ('51', 'Quảng Ngãi', '51'), ('52', 'Bình Định', '52'), ('54', 'Phú Yên', '66'),
    ('56', 'Khánh Hòa', '56'), ('58', 'Ninh Thuận', '56'), ('60', 'Bình Thuận', '68'), ('62', 'Kon Tum', '51'),
    ('64', 'Gia Lai', '52'), ('66', 'Đắk Lắk', '66'), ('67', 'Đắk Nông', '68'), ('68', 'Lâm Đồng', '68'),
    ('70', 'Bình Phước', '75'), ('72', 'Tây Ninh', '80'), ('74', 'Bình Dương', '79'), ('75', 'Đồng Nai', '75'),
    ('77', 'Bà Rịa - Vũng Tàu', '79'), ('79', 'Hồ Chí Minh', '79'), ('80', 'Long An', '80'), ('82', 'Tiền Giang', '82'),
    ('83', 'Bến Tre', '86'), ('84', 'Trà Vinh', '86'), ('86', 'Vĩnh Long', '86'), ('87', 'Đồng Tháp', '82'),
    ('89', 'An Giang', '91'), ('91', 'Kiên Giang', '91'), ('92', 'Cần Thơ', '92'), ('93', 'Hậu Giang', '92'),
    ('94', 'Sóc Trăng', '92'), ('95', 'Bạc Liêu', '96'), ('96', 'Cà Mau', '96');
