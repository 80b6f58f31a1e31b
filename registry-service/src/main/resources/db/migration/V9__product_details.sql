-- Product details of the registration form: specification/packaging, raw-material area code, optional GTIN.
alter table product add column specification text;
alter table product add column raw_material_area_code varchar(50);
alter table product add column gtin varchar(14);
create index product_gtin on product (gtin) where gtin is not null;
