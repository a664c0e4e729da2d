-- gist indexes over (uuid =, range &&): the exclusion constraint that makes double booking impossible
create extension if not exists btree_gist;

-- What a clinic offers: duration in minutes, a price, and optionally a different price by gender (same currency)
create table booking_services (
    id                 uuid                     not null primary key,
    tenant_id          varchar(63)              not null,
    name               varchar(200)             not null,
    description        varchar(2000),
    duration_minutes   int                      not null check (duration_minutes between 5 and 720),
    price_amount       numeric(12, 2)           not null check (price_amount >= 0),
    currency           char(3)                  not null check (currency ~ '^[A-Z]{3}$'),
    price_female       numeric(12, 2) check (price_female >= 0),
    price_male         numeric(12, 2) check (price_male >= 0),
    active             boolean                  not null default true,
    created_at         timestamp with time zone not null default now(),
    updated_at         timestamp with time zone not null default now(),
    unique (tenant_id, id)
);
create unique index booking_services_name_idx on booking_services (tenant_id, lower(name));

-- Who or what an appointment takes: a member of staff or a room
create table booking_resources (
    id         uuid                     not null primary key,
    tenant_id  varchar(63)              not null,
    name       varchar(200)             not null,
    kind       varchar(8)               not null check (kind in ('staff', 'room')),
    active     boolean                  not null default true,
    created_at timestamp with time zone not null default now(),
    updated_at timestamp with time zone not null default now(),
    unique (tenant_id, id)
);
create unique index booking_resources_name_idx on booking_resources (tenant_id, lower(name));

-- The services a resource does; a resource without rows here does every service
create table booking_resource_services (
    tenant_id   varchar(63) not null,
    resource_id uuid        not null,
    service_id  uuid        not null,
    primary key (tenant_id, resource_id, service_id),
    foreign key (tenant_id, resource_id) references booking_resources (tenant_id, id) on delete cascade,
    foreign key (tenant_id, service_id) references booking_services (tenant_id, id) on delete cascade
);

-- Opening hours in the tenant's time zone, per ISO weekday (1 = Monday). Rows without a resource are the clinic's;
-- a resource with rows of its own keeps those hours instead. Several rows a day make breaks.
create table booking_working_hours (
    id          uuid        not null primary key,
    tenant_id   varchar(63) not null,
    resource_id uuid,
    weekday     smallint    not null check (weekday between 1 and 7),
    opens_at    time        not null,
    closes_at   time        not null,
    check (closes_at > opens_at),
    foreign key (tenant_id, resource_id) references booking_resources (tenant_id, id) on delete cascade
);
create index booking_working_hours_idx on booking_working_hours (tenant_id, resource_id);

-- Days (inclusive ranges, tenant time zone) the clinic or one resource does not work
create table booking_closures (
    id          uuid                     not null primary key,
    tenant_id   varchar(63)              not null,
    resource_id uuid,
    starts_on   date                     not null,
    ends_on     date                     not null,
    reason      varchar(200),
    created_at  timestamp with time zone not null default now(),
    check (ends_on >= starts_on),
    foreign key (tenant_id, resource_id) references booking_resources (tenant_id, id) on delete cascade
);
create index booking_closures_idx on booking_closures (tenant_id, ends_on);

-- Appointments. With the built-in calendar this is the calendar itself; with the clinic's API it mirrors what the
-- API confirmed (provider 'api', external_id), so reminders, no-shows, the waitlist and erasure work the same.
-- service_ref / resource_ref are the ids the provider knows; service_id / resource_id point at the built-in rows.
create table booking_appointments (
    id              uuid                     not null primary key,
    tenant_id       varchar(63)              not null,
    provider        varchar(8)               not null check (provider in ('builtin', 'api')),
    external_id     varchar(200),
    service_id      uuid,
    service_ref     varchar(200)             not null,
    service_name    varchar(200)             not null,
    resource_id     uuid,
    resource_ref    varchar(200),
    resource_name   varchar(200),
    start_at        timestamp with time zone not null,
    end_at          timestamp with time zone not null,
    status          varchar(12)              not null check (status in ('booked', 'cancelled', 'completed', 'no_show')),
    customer_name   varchar(200),
    customer_phone  varchar(16) check (customer_phone ~ '^\+[1-9][0-9]{1,14}$'),
    client_id       uuid,
    gender          varchar(8) check (gender in ('female', 'male')),
    channel         varchar(16)              not null check (channel in ('whatsapp', 'phone', 'web', 'staff')),
    language        varchar(16),
    notes           varchar(2000),
    price_amount    numeric(12, 2),
    currency        char(3),
    idempotency_key varchar(200),
    cancel_reason   varchar(500),
    reminded_at     timestamp with time zone,
    cancelled_at    timestamp with time zone,
    no_show_at      timestamp with time zone,
    completed_at    timestamp with time zone,
    created_at      timestamp with time zone not null default now(),
    updated_at      timestamp with time zone not null default now(),
    check (end_at > start_at),
    check (provider = 'api' or service_id is not null),
    foreign key (tenant_id, service_id) references booking_services (tenant_id, id),
    foreign key (tenant_id, resource_id) references booking_resources (tenant_id, id),
    -- one resource, one appointment at a time: concurrent bookings of the same slot cannot both commit
    constraint booking_appointments_no_overlap exclude using gist
        (resource_id with =, tstzrange(start_at, end_at, '[)') with &&)
        where (status in ('booked', 'completed'))
);
create unique index booking_appointments_idempotency_idx on booking_appointments (tenant_id, idempotency_key)
    where idempotency_key is not null;
create index booking_appointments_tenant_start_idx on booking_appointments (tenant_id, start_at, id);
create index booking_appointments_phone_idx on booking_appointments (tenant_id, customer_phone, start_at);
create index booking_appointments_client_idx on booking_appointments (tenant_id, client_id) where client_id is not null;
-- the reminder job's scan: booked, not yet reminded, by start time
create index booking_appointments_reminder_idx on booking_appointments (start_at)
    where status = 'booked' and reminded_at is null;

-- People waiting for a free slot of a service between two dates (tenant time zone)
create table booking_waitlist (
    id                 uuid                     not null primary key,
    tenant_id          varchar(63)              not null,
    service_ref        varchar(200)             not null,
    service_name       varchar(200)             not null,
    customer_name      varchar(200),
    customer_phone     varchar(16) check (customer_phone ~ '^\+[1-9][0-9]{1,14}$'),
    client_id          uuid,
    earliest_on        date                     not null,
    latest_on          date                     not null,
    channel            varchar(16)              not null check (channel in ('whatsapp', 'phone', 'web', 'staff')),
    language           varchar(16),
    notes              varchar(2000),
    status             varchar(12)              not null check (status in ('waiting', 'offered', 'booked', 'removed')),
    offered_at         timestamp with time zone,
    offered_start_at   timestamp with time zone,
    offered_end_at     timestamp with time zone,
    offered_resource   varchar(200),
    created_at         timestamp with time zone not null default now(),
    updated_at         timestamp with time zone not null default now(),
    check (latest_on >= earliest_on)
);
create index booking_waitlist_match_idx on booking_waitlist (tenant_id, service_ref, status, created_at);
create index booking_waitlist_client_idx on booking_waitlist (tenant_id, client_id) where client_id is not null;
