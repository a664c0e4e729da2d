-- Inbound email (SendGrid Inbound Parse): every accepted message is a row here before anything else happens;
-- the unique key makes a redelivered message a no-op.
create table inbound_emails (
    id            uuid                     not null primary key,
    tenant_id     varchar(63)              not null,
    message_id    text,
    -- the Message-ID, or "sha256:<hex>" of the message when it has none
    dedupe_key    text                     not null,
    from_address  text,
    to_addresses  text[]                   not null default '{}',
    cc_addresses  text[]                   not null default '{}',
    subject       text,
    text_body     text,
    html_body     text,
    headers       text,
    -- the full MIME source, when SendGrid posted it (raw mode)
    raw_mime      bytea,
    spam_score    numeric(8, 3),
    spf           varchar(255),
    dkim          text,
    envelope      jsonb,
    -- [{filename, content_type, size_bytes, storage_key, skipped_reason}]
    attachments   jsonb                    not null default '[]',
    status        varchar(16)              not null default 'received',
    error         varchar(500),
    received_at   timestamp with time zone not null default now(),
    processed_at  timestamp with time zone,
    constraint inbound_emails_status_check check (status in ('received', 'processed', 'failed')),
    constraint inbound_emails_dedupe_key unique (tenant_id, dedupe_key)
);

create index inbound_emails_tenant_received_idx on inbound_emails (tenant_id, received_at desc);
create index inbound_emails_tenant_status_idx on inbound_emails (tenant_id, status, received_at desc);
