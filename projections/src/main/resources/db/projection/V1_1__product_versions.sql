-- Corrections (ProductUpdated) carry the registry row's version: the read model keeps the highest one it applied
-- (ProductRegistered is version 0). An update can arrive before its registration: the row then exists without
-- registered_at until ProductRegistered fills it in.
alter table product add column version bigint not null default 0;
alter table product alter column registered_at drop not null;
