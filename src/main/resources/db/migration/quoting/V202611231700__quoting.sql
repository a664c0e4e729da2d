-- Quote numbers: one counter per tenant, incremented in the transaction that creates the quote, so a rolled-back
-- creation gives its number back (no gaps) and concurrent creations queue on the row (no duplicates).
create table quote_counters (
    tenant_id  varchar(63) not null primary key,
    next_value bigint      not null check (next_value >= 1)
);

-- Quotes: the working state (header here, lines in quote_lines). Once sent, every change is also a revision.
create table quotes (
    id                 uuid                     not null primary key,
    tenant_id          varchar(63)              not null,
    number             varchar(32)              not null,
    client_id          uuid                     not null,
    status             varchar(16)              not null
        check (status in ('draft', 'sent', 'accepted', 'declined', 'expired')),
    currency           char(3)                  not null check (currency ~ '^[A-Z]{3}$'),
    travel_start       date,
    travel_end         date,
    adults             smallint                 not null check (adults between 1 and 50),
    children_ages      int[]                    not null default '{}',
    notes              text,
    valid_until        date                     not null,
    -- what the totals were computed with; kept so a quote reads the same after the configuration changes
    tax_rate_percent   numeric(7, 4)            not null default 0,
    subtotal           numeric(16, 4)           not null default 0,
    tax                numeric(16, 4)           not null default 0,
    total              numeric(16, 4)           not null default 0,
    -- 0 until the first send; then the revision the working state equals
    current_revision   int                      not null default 0,
    created_by         uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    sent_at            timestamp with time zone,
    declined_at        timestamp with time zone,
    decline_reason     varchar(1000),
    expired_at         timestamp with time zone,
    accepted_revision  int,
    accepted_at        timestamp with time zone,
    accepted_ip        varchar(64),
    accepted_by_name   varchar(200),
    accepted_by_email  varchar(254),
    check (travel_end is null or travel_start is null or travel_end >= travel_start),
    constraint quotes_number_per_tenant unique (tenant_id, number)
);

create index quotes_tenant_created_idx on quotes (tenant_id, created_at desc, id);
create index quotes_tenant_status_idx on quotes (tenant_id, status, created_at desc);
create index quotes_tenant_client_idx on quotes (tenant_id, client_id, created_at desc);
create index quotes_expiry_idx on quotes (valid_until) where status = 'sent';

-- The current lines of a quote, in order. Amounts: unit_cost in the line currency; unit_price and total in the
-- quote currency, total rounded to the quote currency (HALF_EVEN).
create table quote_lines (
    id               uuid           not null primary key,
    quote_id         uuid           not null references quotes (id) on delete cascade,
    tenant_id        varchar(63)    not null,
    position         int            not null,
    type             varchar(16)    not null
        check (type in ('hotel', 'flight', 'transfer', 'activity', 'insurance', 'fee')),
    description      varchar(500)   not null,
    quantity         numeric(12, 3) not null check (quantity > 0),
    unit_cost        numeric(16, 4) not null check (unit_cost >= 0),
    currency         char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    markup_percent   numeric(9, 4),
    margin_percent   numeric(7, 4),
    unit_sell        numeric(20, 8) not null, -- in the line currency, unrounded
    exchange_rate    numeric(20, 10) not null, -- line currency to quote currency, buffer included
    unit_price       numeric(16, 4) not null, -- in the quote currency, rounded
    total            numeric(16, 4) not null, -- in the quote currency, rounded
    taxable          boolean        not null default true,
    check (markup_percent is null or margin_percent is null),
    constraint quote_lines_position unique (quote_id, position)
);

create index quote_lines_tenant_quote_idx on quote_lines (tenant_id, quote_id);

-- Revisions: a full snapshot of the quote and its lines at each send and each change after the first send.
create table quote_revisions (
    id           bigint generated always as identity primary key,
    quote_id     uuid                     not null references quotes (id) on delete cascade,
    tenant_id    varchar(63)              not null,
    revision     int                      not null check (revision >= 1),
    snapshot     jsonb                    not null,
    reason       varchar(1000)            not null,
    author_id    uuid,
    author_email varchar(254),
    created_at   timestamp with time zone not null,
    constraint quote_revisions_number unique (quote_id, revision)
);

create index quote_revisions_tenant_quote_idx on quote_revisions (tenant_id, quote_id, revision);

-- Accept links: the token itself is only ever in the email; here is its SHA-256. Single use, bound to a revision.
create table quote_accept_tokens (
    token_hash varchar(64)              not null primary key,
    quote_id   uuid                     not null references quotes (id) on delete cascade,
    tenant_id  varchar(63)              not null,
    revision   int                      not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

create index quote_accept_tokens_quote_idx on quote_accept_tokens (quote_id);
