-- The WhatsApp assistant: per-tenant settings, per-conversation state, one turn per inbound message, and the
-- questions it could not answer.

create table assistant_settings (
    tenant_id       text primary key,
    bot_enabled     boolean     not null default true,
    -- staff told by email when a conversation is handed over
    handover_emails jsonb       not null default '[]'::jsonb,
    -- consecutive failures (unanswered or not understood) before the conversation goes to a person
    max_failures    integer     not null default 2 check (max_failures between 1 and 10),
    updated_by      text,
    updated_at      timestamptz not null default now()
);

create table assistant_state (
    tenant_id            text        not null,
    conversation_id      uuid        not null,
    language             text,
    customer_name        text,
    customer_gender      text,
    -- booking in progress: book, cancel or reschedule, and where the dialogue stands
    flow                 text,
    step                 text,
    service_id           text,
    service_name         text,
    day                  date,
    slot_start           timestamptz,
    appointment_id       uuid,
    -- the choices last offered, in order, so "2" means the second
    offered              jsonb       not null default '[]'::jsonb,
    failures             integer     not null default 0,
    -- the appointment the last reminder was about: "cancel" or "reschedule" right after it means that one
    reminded_appointment uuid,
    reminded_at          timestamptz,
    updated_at           timestamptz not null default now(),
    primary key (tenant_id, conversation_id)
);

create table assistant_turns (
    id                 uuid primary key,
    tenant_id          text        not null,
    conversation_id    uuid        not null,
    -- the whatsapp message answered: one turn per inbound message, whatever the redeliveries
    inbound_message_id uuid        not null unique,
    message_type       text        not null,
    language           text,
    intent             text,
    engine             text,
    outcome            text,
    latency_ms         bigint,
    prompt_tokens      bigint      not null default 0,
    completion_tokens  bigint      not null default 0,
    created_at         timestamptz not null default now()
);

create index assistant_turns_conversation on assistant_turns (tenant_id, conversation_id, created_at desc);

create table assistant_unanswered (
    id              uuid primary key,
    tenant_id       text        not null,
    conversation_id uuid        not null,
    question        text        not null,
    language        text        not null,
    created_at      timestamptz not null default now()
);

create index assistant_unanswered_recent on assistant_unanswered (tenant_id, created_at desc);
