-- Per-tenant helpdesk settings: the public key customers' chat widgets send, kept only as a SHA-256 hash
create table helpdesk_settings (
    tenant_id         varchar(63)              not null primary key,
    public_key_hash   char(64),
    public_key_prefix varchar(16),
    key_rotated_at    timestamp with time zone
);

-- A conversation with a customer, opened by staff or through the public endpoint
create table helpdesk_sessions (
    id              uuid                     not null primary key,
    tenant_id       varchar(63)              not null,
    channel         varchar(8)               not null check (channel in ('staff', 'public')),
    status          varchar(12)              not null check (status in ('open', 'handed_over')),
    customer_name   varchar(200),
    customer_email  varchar(320),
    created_by      uuid,
    created_at      timestamp with time zone not null default now(),
    updated_at      timestamp with time zone not null default now(),
    handed_over_at  timestamp with time zone,
    unique (tenant_id, id)
);
create index helpdesk_sessions_tenant_idx on helpdesk_sessions (tenant_id, created_at desc, id);

-- The turns of a session. An assistant answer records what it was grounded on and what it cost.
create table helpdesk_messages (
    id                uuid                     not null primary key,
    tenant_id         varchar(63)              not null,
    session_id        uuid                     not null references helpdesk_sessions (id) on delete cascade,
    position          integer                  not null,
    role              varchar(9)               not null check (role in ('customer', 'assistant')),
    content           text                     not null,
    grounded          boolean,
    answer_type       varchar(12) check (answer_type in ('llm', 'qa', 'extractive', 'not_found', 'handover')),
    search_query      text,
    citations         jsonb                    not null default '[]' check (jsonb_typeof(citations) = 'array'),
    used_chunk_ids    text[]                   not null default '{}',
    handover_offered  boolean                  not null default false,
    latency_ms        integer,
    model             varchar(100),
    prompt_tokens     integer                  not null default 0,
    completion_tokens integer                  not null default 0,
    created_at        timestamp with time zone not null default now(),
    unique (session_id, position)
);
create index helpdesk_messages_session_idx on helpdesk_messages (tenant_id, session_id, position);
create index helpdesk_messages_usage_idx on helpdesk_messages (tenant_id, created_at) where role = 'assistant';
