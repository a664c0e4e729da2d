-- WhatsApp channel: conversations (one per tenant and contact), messages in both directions (the inbound ones unique
-- on the provider's message id, which is the webhook inbox), status events, raw payloads, the outbox, and the
-- sandbox provider's record of what it "sent".

create table whatsapp_conversations (
    id                uuid primary key,
    tenant_id         varchar(63)  not null,
    -- the business-scoped user id when the provider gave one, else the phone number (digits)
    contact_key       varchar(128) not null,
    wa_id             varchar(32),
    user_id           varchar(128),
    profile_name      varchar(200),
    -- the provider's own address of the chat where it has one (Qiscus room id)
    provider_ref      varchar(128),
    phone_number_id   varchar(100),
    last_inbound_at   timestamptz,
    last_message_at   timestamptz,
    last_message_preview varchar(200),
    unread_count      integer      not null default 0,
    needs_human       boolean      not null default false,
    bot_paused        boolean      not null default false,
    handoff_reason    varchar(500),
    handed_over_at    timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    constraint whatsapp_conversations_contact unique (tenant_id, contact_key)
);
create index whatsapp_conversations_recent on whatsapp_conversations (tenant_id, last_message_at desc);
create index whatsapp_conversations_wa_id on whatsapp_conversations (tenant_id, wa_id) where wa_id is not null;
create index whatsapp_conversations_user_id on whatsapp_conversations (tenant_id, user_id) where user_id is not null;

create table whatsapp_messages (
    id                  uuid primary key,
    tenant_id           varchar(63)  not null,
    conversation_id     uuid         not null references whatsapp_conversations (id) on delete cascade,
    direction           varchar(8)   not null check (direction in ('inbound', 'outbound')),
    provider            varchar(20)  not null,
    provider_message_id varchar(200),
    type                varchar(20)  not null,
    text                text,
    -- type-specific content (media, location, interactive reply, reaction, template, ...)
    content             jsonb,
    -- false when TESTING_MODE kept the content out of the store
    content_kept        boolean      not null default true,
    media_id            varchar(200),
    media_mime_type     varchar(120),
    media_storage_key   varchar(300),
    media_status        varchar(12)  check (media_status in ('pending', 'stored', 'failed', 'unavailable')),
    media_error         varchar(300),
    context_message_id  varchar(200),
    status              varchar(12)  not null,
    status_rank         smallint     not null default 0,
    status_at           timestamptz,
    error_code          integer,
    error_title         varchar(300),
    error_detail        varchar(500),
    sent_by             varchar(64),
    provider_timestamp  timestamptz,
    created_at          timestamptz  not null default now()
);
-- the webhook inbox: a provider's redelivery of a message finds its row and stores nothing
create unique index whatsapp_messages_provider_id on whatsapp_messages (tenant_id, provider_message_id)
    where provider_message_id is not null;
create index whatsapp_messages_conversation on whatsapp_messages (conversation_id, created_at desc);

-- every status the provider reported, once per message id and status
create table whatsapp_status_events (
    id                  bigserial primary key,
    tenant_id           varchar(63)  not null,
    provider_message_id varchar(200) not null,
    status              varchar(12)  not null,
    recipient           varchar(128),
    error_code          integer,
    error_title         varchar(300),
    error_detail        varchar(500),
    provider_timestamp  timestamptz,
    received_at         timestamptz  not null default now(),
    constraint whatsapp_status_events_once unique (tenant_id, provider_message_id, status)
);

-- raw webhook bodies as received, once per body
create table whatsapp_webhook_payloads (
    id           uuid primary key,
    tenant_id    varchar(63)  not null,
    provider     varchar(20)  not null,
    sha256       varchar(64)  not null,
    body         text,
    received_at  timestamptz  not null default now(),
    constraint whatsapp_webhook_payloads_once unique (tenant_id, sha256)
);
create index whatsapp_webhook_payloads_received on whatsapp_webhook_payloads (received_at);

create table whatsapp_outbox (
    id               uuid primary key,
    tenant_id        varchar(63)  not null,
    message_id       uuid         references whatsapp_messages (id) on delete cascade,
    conversation_id  uuid         not null references whatsapp_conversations (id) on delete cascade,
    kind             varchar(12)  not null,
    payload          jsonb        not null,
    -- free-form messages need the customer-service window at send time too
    needs_window     boolean      not null,
    status           varchar(10)  not null check (status in ('queued', 'sending', 'sent', 'failed', 'dead')),
    attempts         integer      not null default 0,
    max_attempts     integer      not null,
    next_attempt_at  timestamptz  not null default now(),
    locked_until     timestamptz,
    claim_token      uuid,
    last_error       varchar(500),
    provider         varchar(20),
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
create index whatsapp_outbox_due on whatsapp_outbox (next_attempt_at) where status in ('queued', 'failed', 'sending');

create table whatsapp_outbox_attempts (
    id            bigserial primary key,
    outbox_id     uuid         not null references whatsapp_outbox (id) on delete cascade,
    attempt       integer      not null,
    attempted_at  timestamptz  not null default now(),
    provider      varchar(20),
    http_status   integer,
    error_code    integer,
    outcome       varchar(12)  not null,
    error         varchar(500),
    duration_ms   bigint
);
create index whatsapp_outbox_attempts_outbox on whatsapp_outbox_attempts (outbox_id);

-- what the sandbox provider would have sent
create table whatsapp_sandbox_messages (
    id                  uuid primary key,
    tenant_id           varchar(63)  not null,
    recipient           varchar(128) not null,
    type                varchar(20)  not null,
    body                jsonb        not null,
    provider_message_id varchar(200) not null,
    created_at          timestamptz  not null default now()
);
create index whatsapp_sandbox_messages_tenant on whatsapp_sandbox_messages (tenant_id, created_at desc);
