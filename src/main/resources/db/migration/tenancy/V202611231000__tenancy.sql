-- Tenants created through the API; tenants from clients/*/client.yaml have no row here
create table tenants (
    id         varchar(63)              not null primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       varchar(200)             not null,
    features   jsonb                    not null default '[]'::jsonb,
    created_at timestamp with time zone not null default now()
);

-- Overrides of a tenant's configuration, field by field (snake_case tree like client.yaml)
create table tenant_settings (
    tenant_id  varchar(63)              not null primary key,
    settings   jsonb                    not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
    updated_at timestamp with time zone not null default now()
);

-- Colours and uploaded logo; the logo bytes live in object storage under logo_key
create table tenant_branding (
    tenant_id         varchar(63)              not null primary key,
    primary_color     varchar(7) check (primary_color ~ '^#[0-9a-f]{6}$'),
    secondary_color   varchar(7) check (secondary_color ~ '^#[0-9a-f]{6}$'),
    logo_url          varchar(2048),
    logo_key          varchar(255),
    logo_content_type varchar(64),
    logo_size         integer,
    logo_sha256       varchar(64),
    updated_at        timestamp with time zone not null default now()
);

-- A tenant's own versions of named HTML templates; the defaults ship in the application
create table tenant_templates (
    tenant_id  varchar(63)              not null,
    name       varchar(100)             not null,
    content    text                     not null,
    updated_at timestamp with time zone not null default now(),
    primary key (tenant_id, name)
);
