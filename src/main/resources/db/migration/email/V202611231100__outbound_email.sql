-- Outbound email: every email is a row here first; a worker sends due rows and records each attempt.
create table outbound_emails (
    id                  uuid                     not null primary key,
    tenant_id           varchar(63)              not null,
    to_addresses        text[]                   not null,
    cc_addresses        text[]                   not null default '{}',
    subject             varchar(998)             not null,
    html_body           text,
    text_body           text,
    template            varchar(200),
    status              varchar(16)              not null,
    attempts            int                      not null default 0,
    max_attempts        int                      not null,
    next_attempt_at     timestamp with time zone not null,
    -- a worker that claimed the row owns it until then; after that another worker may take it over
    locked_until        timestamp with time zone,
    claim_token         uuid,
    last_error          varchar(500),
    provider_message_id varchar(255),
    idempotency_key     varchar(255),
    created_at          timestamp with time zone not null default now(),
    updated_at          timestamp with time zone not null default now(),
    sent_at             timestamp with time zone,
    constraint outbound_emails_status_check
        check (status in ('queued', 'sending', 'held', 'sent', 'failed', 'dead')),
    constraint outbound_emails_attempts_check check (attempts >= 0 and max_attempts >= 1),
    -- a second request with the same key creates no second email (NULL keys never collide)
    constraint outbound_emails_idempotency_key unique (tenant_id, idempotency_key)
);

create index outbound_emails_due_idx on outbound_emails (next_attempt_at) where status in ('queued', 'failed');
create index outbound_emails_sending_idx on outbound_emails (locked_until) where status = 'sending';
create index outbound_emails_tenant_created_idx on outbound_emails (tenant_id, created_at desc);
create index outbound_emails_tenant_status_idx on outbound_emails (tenant_id, status, created_at desc);

create table outbound_email_attachments (
    id           bigint generated always as identity primary key,
    email_id     uuid         not null references outbound_emails (id) on delete cascade,
    position     int          not null,
    filename     varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes   int          not null,
    content      bytea        not null,
    constraint outbound_email_attachments_position unique (email_id, position)
);

create table outbound_email_attempts (
    id           bigint generated always as identity primary key,
    email_id     uuid                     not null references outbound_emails (id) on delete cascade,
    attempt      int                      not null,
    attempted_at timestamp with time zone not null default now(),
    status_code  int,
    outcome      varchar(16)              not null,
    error        varchar(500),
    duration_ms  bigint
);
create index outbound_email_attempts_email_idx on outbound_email_attempts (email_id, attempted_at);
