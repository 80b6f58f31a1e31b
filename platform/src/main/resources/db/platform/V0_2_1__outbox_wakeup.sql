-- Publish on commit: a statement that inserts work rows notifies channel ocop_wakeup with the worker's name; PostgreSQL
-- delivers it when (and only if) the transaction commits, to every replica's listener (vn.ocop.platform.wakeup).
-- Identical notifications of one transaction are folded into one.
create function ocop_wakeup_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('ocop_wakeup', tg_argv[0]);
    return null;
end
$$;

create trigger outbox_event_wakeup after insert on outbox_event
    for each statement execute function ocop_wakeup_notify('outbox');
