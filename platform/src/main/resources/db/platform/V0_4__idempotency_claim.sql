-- Claims an Idempotency-Key for the calling transaction (vn.ocop.platform.idempotency.Idempotency) in one round trip:
-- waits while another transaction holds the same caller's key, then answers the response stored for it, if any.
-- VOLATILE, so its query reads with a snapshot taken after the lock: a response committed while it waited is seen
-- (a plain statement would read with the snapshot taken before it waited). The two-int4 advisory lock keeps clear of
-- the single-bigint locks of the outbox relay and the import queue.
create function ocop_idempotency_claim(p_principal varchar, p_key varchar)
    returns table (request_hash varchar, response_status integer, response_body text, location varchar)
    language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(hashtext('ocop.idempotency'), hashtext(p_principal || E'\n' || p_key));
    return query
        select r.request_hash, r.response_status, r.response_body, r.location
        from idempotency_record r
        where r.principal = p_principal and r.idempotency_key = p_key;
end
$$;
