-- Tables every service has, owned by the platform module (versions 0.x; services number theirs from 1).

-- Transactional outbox: events are inserted in the same transaction as the data change and published by the relay.
create table outbox_event (
    id              bigserial primary key,
    event_id        uuid         not null unique,
    event_type      varchar(100) not null,
    topic           varchar(200) not null,
    message_key     varchar(200) not null,
    subject         varchar(300),
    data_schema     varchar(300) not null,
    payload         text         not null,
    occurred_at     timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    published_at    timestamptz
);
create index outbox_event_pending on outbox_event (id) where published_at is null;

-- Idempotent inbox: one row per consumed CloudEvents id, written in the consumer's transaction.
create table processed_event (
    event_id     varchar(200) not null primary key,
    event_type   varchar(100) not null,
    source       varchar(300),
    processed_at timestamptz  not null default now()
);

-- Idempotency-Key of POST requests: a replay returns the stored response instead of writing again.
create table idempotency_record (
    principal       varchar(200) not null,
    idempotency_key varchar(200) not null,
    operation       varchar(300) not null,
    request_hash    varchar(64)  not null,
    response_status integer,
    response_body   text,
    location        varchar(500),
    created_at      timestamptz  not null default now(),
    primary key (principal, idempotency_key)
);

-- Audit trail: who changed what, when, with the state before and after.
create table audit_entry (
    id          bigserial primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(200) not null,
    actor_roles varchar(300),
    action      varchar(100) not null,
    entity_type varchar(100) not null,
    entity_id   varchar(100) not null,
    before_state jsonb,
    after_state  jsonb
);
create index audit_entry_entity on audit_entry (entity_type, entity_id, id);
