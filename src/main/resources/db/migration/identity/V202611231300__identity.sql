-- Accounts: one row per person, whatever the identity provider; password_hash only for local accounts
create table users (
    id                uuid         not null primary key,
    email             varchar(320) not null,
    name              varchar(200),
    password_hash     varchar(255),
    supabase_id       uuid unique,
    email_verified_at timestamp with time zone,
    active            boolean      not null default true,
    created_at        timestamp with time zone not null default now(),
    updated_at        timestamp with time zone not null default now()
);
create unique index users_email_idx on users (lower(email));

-- Who belongs to which tenant, with which role; the tenant of a request comes from here
create table organization_users (
    tenant_id  varchar(63) not null,
    user_id    uuid        not null references users (id) on delete cascade,
    role       varchar(16) not null check (role in ('owner', 'admin', 'consultant', 'agent')),
    active     boolean     not null default true,
    created_at timestamp with time zone not null default now(),
    updated_at timestamp with time zone not null default now(),
    primary key (tenant_id, user_id)
);
create index organization_users_user_idx on organization_users (user_id);

-- Invitations to join a tenant; the token is single-use and stored as its SHA-256
create table user_invitations (
    id          uuid         not null primary key,
    tenant_id   varchar(63)  not null,
    email       varchar(320) not null,
    role        varchar(16)  not null check (role in ('owner', 'admin', 'consultant', 'agent')),
    token_hash  char(64)     not null unique,
    expires_at  timestamp with time zone not null,
    invited_by  uuid references users (id) on delete set null,
    created_at  timestamp with time zone not null default now(),
    accepted_at timestamp with time zone,
    accepted_by uuid references users (id) on delete set null
);
create index user_invitations_tenant_idx on user_invitations (tenant_id, created_at desc);
create unique index user_invitations_pending_idx on user_invitations (tenant_id, lower(email))
    where accepted_at is null;

-- Refresh tokens of local accounts, stored as SHA-256; each use rotates the token within its family
create table refresh_tokens (
    id         uuid     not null primary key,
    family_id  uuid     not null,
    user_id    uuid     not null references users (id) on delete cascade,
    token_hash char(64) not null unique,
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    rotated_at timestamp with time zone,
    revoked_at timestamp with time zone
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

-- Single-use tokens sent by email: password reset and email verification
create table user_tokens (
    id         uuid        not null primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    purpose    varchar(32) not null check (purpose in ('password-reset', 'email-verification')),
    token_hash char(64)    not null unique,
    expires_at timestamp with time zone not null,
    created_at timestamp with time zone not null default now(),
    used_at    timestamp with time zone
);
create index user_tokens_user_idx on user_tokens (user_id, purpose);

-- Rate-limit buckets shared by all instances when RATE_LIMIT_BACKEND=postgres (Bucket4j)
create table rate_limit_buckets (
    id         varchar(255) not null primary key,
    state      bytea,
    expires_at bigint
);
