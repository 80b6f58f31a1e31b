-- W3C trace context of the transaction that wrote the event: the relay publishes later, from another thread, and sends
-- it as the traceparent header so that consumers continue the trace of the request that caused the event.
alter table outbox_event add column trace_parent varchar(55);
alter table outbox_event add column trace_state  varchar(512);
