-- Trigram indexes make "name contains" and "email contains" searches use an index
create extension if not exists pg_trgm;

-- Clients (contacts) of a tenant. emails and phones keep the client's own ordered lists; client_emails and
-- client_phones hold the same values for live clients only and make each unique within the tenant.
create table clients (
    id                            uuid                     not null primary key,
    tenant_id                     varchar(63)              not null,
    name                          varchar(200)             not null,
    emails                        text[]                   not null default '{}',
    phones                        text[]                   not null default '{}',
    address                       jsonb check (address is null or jsonb_typeof(address) = 'object'),
    tags                          text[]                   not null default '{}',
    notes                         text,
    source                        varchar(16)              not null
        check (source in ('email', 'whatsapp', 'phone', 'web', 'manual')),
    consent_marketing_email       boolean                  not null default false,
    consent_marketing_email_at    timestamp with time zone,
    consent_marketing_whatsapp    boolean                  not null default false,
    consent_marketing_whatsapp_at timestamp with time zone,
    consent_marketing_sms         boolean                  not null default false,
    consent_marketing_sms_at      timestamp with time zone,
    consent_marketing_calls       boolean                  not null default false,
    consent_marketing_calls_at    timestamp with time zone,
    assigned_consultant           uuid,
    created_at                    timestamp with time zone not null default now(),
    updated_at                    timestamp with time zone not null default now(),
    deleted_at                    timestamp with time zone,
    erased_at                     timestamp with time zone,
    merged_into                   uuid,
    merged_at                     timestamp with time zone,
    unique (tenant_id, id)
);
create index clients_tenant_name_idx on clients (tenant_id, lower(name), id);
create index clients_tenant_created_idx on clients (tenant_id, created_at, id);
create index clients_name_trgm_idx on clients using gin (lower(name) gin_trgm_ops);
create index clients_tags_idx on clients using gin (tags);
create index clients_merged_into_idx on clients (tenant_id, merged_into) where merged_into is not null;

-- One row per email of a live client: the unique key makes upsert-by-email race-free
create table client_emails (
    tenant_id  varchar(63)              not null,
    email      varchar(254)             not null check (email = lower(email)),
    client_id  uuid                     not null,
    created_at timestamp with time zone not null default now(),
    primary key (tenant_id, email),
    foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade
);
create index client_emails_client_idx on client_emails (tenant_id, client_id);
create index client_emails_trgm_idx on client_emails using gin (email gin_trgm_ops);

-- One row per phone (E.164) of a live client
create table client_phones (
    tenant_id  varchar(63)              not null,
    phone      varchar(16)              not null check (phone ~ '^\+[1-9][0-9]{1,14}$'),
    client_id  uuid                     not null,
    created_at timestamp with time zone not null default now(),
    primary key (tenant_id, phone),
    foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade
);
create index client_phones_client_idx on client_phones (tenant_id, client_id);
create index client_phones_trgm_idx on client_phones using gin (phone gin_trgm_ops);

-- The timeline of a client: every interaction, newest first. source_event_id makes event handling idempotent.
create table activities (
    id              uuid                     not null primary key,
    tenant_id       varchar(63)              not null,
    client_id       uuid                     not null,
    type            varchar(32)              not null,
    occurred_at     timestamp with time zone not null,
    summary         varchar(2000),
    subject_type    varchar(64),
    subject_id      varchar(255),
    properties      jsonb                    not null default '{}'::jsonb
        check (jsonb_typeof(properties) = 'object'),
    source_event_id varchar(255),
    created_by      uuid,
    created_at      timestamp with time zone not null default now(),
    foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade
);
create index activities_timeline_idx on activities (tenant_id, client_id, occurred_at desc, id desc);
create unique index activities_source_event_idx on activities (tenant_id, source_event_id)
    where source_event_id is not null;
