-- The producer read model follows corrections (ProducerUpdated): it keeps the registry version last applied
-- (ProducerRegistered is version 0); a correction that arrives before its registration leaves registered_at null
-- until ProducerRegistered fills it in (only then does the producer count in the monthly registration figures).
alter table producer add column version bigint not null default 0;
alter table producer alter column registered_at drop not null;
