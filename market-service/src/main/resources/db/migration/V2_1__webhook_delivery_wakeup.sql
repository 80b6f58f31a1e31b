-- Webhooks on commit: a new delivery wakes every replica's WebhookSender when its transaction commits (the function is
-- the platform's, V0_2_1); retries stay on the sender's poll.
create trigger webhook_delivery_wakeup after insert on webhook_delivery
    for each statement execute function ocop_wakeup_notify('webhook');
