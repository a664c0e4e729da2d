-- trigram search on subjects (the extension may already exist)
create extension if not exists pg_trgm;

-- Inbound support tickets. source_key is the channel's reference of the opening message (the inbound email's
-- Message-ID without angle brackets; a SHA-256 when longer than 255 characters): opening the same source twice
-- gives one ticket, and replies are threaded through it.
create table inbound_tickets (
    id                uuid                     not null primary key,
    tenant_id         varchar(63)              not null,
    subject           varchar(500)             not null,
    body              text,
    channel           varchar(16)              not null check (channel in ('email', 'whatsapp', 'phone', 'helpdesk')),
    status            varchar(16)              not null check (status in ('open', 'pending', 'resolved', 'closed')),
    priority          varchar(16)              not null check (priority in ('urgent', 'high', 'normal', 'low')),
    client_id         uuid,
    requester_email   varchar(254),
    requester_name    varchar(200),
    requester_phone   varchar(32),
    assignee_id       uuid,
    source_reference  varchar(998),
    source_key        varchar(255),
    opened_at         timestamp with time zone not null,
    sla_due_at        timestamp with time zone not null,
    -- the first reply to the requester, or the resolution when it came first
    first_response_at timestamp with time zone,
    resolved_at       timestamp with time zone,
    closed_at         timestamp with time zone,
    created_by        uuid,
    created_at        timestamp with time zone not null default now(),
    updated_at        timestamp with time zone not null default now(),
    erased_at         timestamp with time zone,
    unique (tenant_id, id)
);
create unique index inbound_tickets_source_idx on inbound_tickets (tenant_id, channel, source_key)
    where source_key is not null;
create index inbound_tickets_source_lookup_idx on inbound_tickets (tenant_id, source_key)
    where source_key is not null;
create index inbound_tickets_tenant_opened_idx on inbound_tickets (tenant_id, opened_at desc, id);
create index inbound_tickets_tenant_status_idx on inbound_tickets (tenant_id, status, opened_at desc);
create index inbound_tickets_tenant_assignee_idx on inbound_tickets (tenant_id, assignee_id)
    where assignee_id is not null;
create index inbound_tickets_tenant_client_idx on inbound_tickets (tenant_id, client_id) where client_id is not null;
create index inbound_tickets_tenant_due_idx on inbound_tickets (tenant_id, sla_due_at)
    where first_response_at is null;
create index inbound_tickets_subject_trgm_idx on inbound_tickets using gin (lower(subject) gin_trgm_ops);

-- The conversation of a ticket after its opening message: staff replies (sent through the email outbox, or handed
-- to the channel's module) and the requester's answers. source_key is the message's own id (our Message-ID for an
-- outbound email, the inbound email's Message-ID), so a reply to any message of the thread finds the ticket.
create table inbound_ticket_replies (
    id               uuid                     not null primary key,
    tenant_id        varchar(63)              not null,
    ticket_id        uuid                     not null,
    direction        varchar(16)              not null check (direction in ('outbound', 'inbound')),
    body             text,
    author_id        uuid,
    from_address     varchar(254),
    from_name        varchar(200),
    to_address       varchar(254),
    delivery         varchar(16)              not null check (delivery in ('email', 'channel', 'none')),
    email_id         uuid,
    source_reference varchar(998),
    source_key       varchar(255),
    created_at       timestamp with time zone not null,
    foreign key (tenant_id, ticket_id) references inbound_tickets (tenant_id, id) on delete cascade
);
create index inbound_ticket_replies_ticket_idx on inbound_ticket_replies (tenant_id, ticket_id, created_at);
create unique index inbound_ticket_replies_source_idx on inbound_ticket_replies (tenant_id, ticket_id, source_key)
    where source_key is not null;
create index inbound_ticket_replies_source_lookup_idx on inbound_ticket_replies (tenant_id, source_key)
    where source_key is not null;

-- Per-tenant business hours and response times; a tenant without a row uses the defaults (its own time zone,
-- Monday to Friday 09:00-17:00, urgent 2, high 4, normal 8, low 24 business hours).
create table ticket_settings (
    tenant_id          varchar(63)              not null primary key,
    time_zone          varchar(64),
    working_days       smallint[]               not null,
    work_start_minute  int                      not null check (work_start_minute between 0 and 1439),
    work_end_minute    int                      not null check (work_end_minute between 1 and 1440),
    sla_urgent_hours   int                      not null check (sla_urgent_hours > 0),
    sla_high_hours     int                      not null check (sla_high_hours > 0),
    sla_normal_hours   int                      not null check (sla_normal_hours > 0),
    sla_low_hours      int                      not null check (sla_low_hours > 0),
    updated_by         uuid,
    updated_at         timestamp with time zone not null default now(),
    check (work_start_minute < work_end_minute)
);
