-- Per-tenant telephony settings; a tenant without a row uses the defaults of zorah.telephony.defaults
create table telephony_settings (
    tenant_id                 varchar(63)              not null primary key,
    -- outbound calls only inside these local hours of the callee, on these days
    calling_hours_start       time                     not null,
    calling_hours_end         time                     not null,
    calling_days              varchar(40)              not null,
    -- inbound calls get the "inbound" assistant inside these hours (tenant time zone), "after_hours" outside
    business_hours_start      time                     not null,
    business_hours_end        time                     not null,
    business_days             varchar(40)              not null,
    max_attempts              integer                  not null check (max_attempts between 1 and 20),
    retry_backoff_seconds     integer                  not null check (retry_backoff_seconds between 60 and 604800),
    retry_backoff_multiplier  numeric(4, 2)            not null check (retry_backoff_multiplier between 1 and 10),
    store_transcripts         boolean                  not null,
    live_transcripts          boolean                  not null,
    -- a Twilio sub-account of the tenant; its auth token is read from the named environment variable
    twilio_account_sid        varchar(34),
    twilio_auth_token_env     varchar(100),
    updated_at                timestamp with time zone not null default now()
);

-- Addresses registered with Twilio for regulatory compliance
create table telephony_addresses (
    id                uuid                     not null primary key,
    tenant_id         varchar(63)              not null,
    twilio_sid        varchar(34)              not null,
    customer_name     varchar(200)             not null,
    street            varchar(200)             not null,
    street_secondary  varchar(200),
    city              varchar(100)             not null,
    region            varchar(100)             not null,
    postal_code       varchar(20)              not null,
    iso_country       varchar(2)               not null,
    friendly_name     varchar(64),
    emergency_enabled boolean                  not null default false,
    validated         boolean,
    verified          boolean,
    created_at        timestamp with time zone not null default now(),
    refreshed_at      timestamp with time zone not null default now(),
    unique (tenant_id, twilio_sid)
);
create index telephony_addresses_tenant_idx on telephony_addresses (tenant_id, created_at desc);

-- Phone numbers bought through Twilio and imported into VAPI
create table phone_numbers (
    id                   uuid                     not null primary key,
    tenant_id            varchar(63)              not null,
    phone_number         varchar(20)              not null,
    iso_country          varchar(2),
    number_type          varchar(20),
    friendly_name        varchar(64),
    twilio_sid           varchar(34)              not null,
    twilio_account_sid   varchar(34)              not null,
    address_id           uuid references telephony_addresses (id),
    bundle_sid           varchar(34),
    vapi_phone_number_id varchar(64),
    assistant_key        varchar(64),
    status               varchar(20)              not null check (status in ('active', 'import_failed', 'released')),
    last_error           varchar(500),
    created_at           timestamp with time zone not null default now(),
    updated_at           timestamp with time zone not null default now(),
    released_at          timestamp with time zone
);
-- a number belongs to one tenant at a time
create unique index phone_numbers_live_number_uq on phone_numbers (phone_number) where status <> 'released';
create index phone_numbers_tenant_idx on phone_numbers (tenant_id, created_at desc);
create index phone_numbers_vapi_idx on phone_numbers (vapi_phone_number_id);

-- Every VAPI server message worth keeping, stored before it is answered; the payload is dropped once processed
create table vapi_inbox (
    id           uuid                     not null primary key,
    tenant_id    varchar(63)              not null,
    message_type varchar(40)              not null,
    dedupe_key   varchar(400)             not null,
    call_id      varchar(64),
    payload      text,
    response     text,
    received_at  timestamp with time zone not null default now(),
    processed_at timestamp with time zone,
    unique (tenant_id, dedupe_key)
);
create index vapi_inbox_call_idx on vapi_inbox (tenant_id, call_id);

-- Calls: one row per VAPI call, written by status updates and completed by the end-of-call report
create table call_records (
    id                 uuid                     not null primary key,
    tenant_id          varchar(63)              not null,
    vapi_call_id       varchar(64)              not null,
    phone_number_id    uuid,
    phone_number       varchar(20),
    direction          varchar(10)              not null check (direction in ('inbound', 'outbound', 'web')),
    caller             varchar(32),
    client_id          uuid,
    queue_entry_id     uuid,
    assistant_id       varchar(64),
    status             varchar(20)              not null,
    started_at         timestamp with time zone,
    ended_at           timestamp with time zone,
    duration_seconds   integer,
    ended_reason       varchar(100),
    outcome            varchar(20),
    cost_amount        numeric(14, 6),
    cost_currency      varchar(3),
    transcript         text,
    transcript_turns   jsonb,
    live_transcript    jsonb,
    summary            text,
    structured_data    jsonb,
    success_evaluation varchar(500),
    recording_url      varchar(2048),
    report_received_at timestamp with time zone,
    erased_at          timestamp with time zone,
    created_at         timestamp with time zone not null default now(),
    updated_at         timestamp with time zone not null default now(),
    unique (tenant_id, vapi_call_id)
);
create index call_records_tenant_time_idx on call_records (tenant_id, coalesce(started_at, created_at) desc);
create index call_records_client_idx on call_records (tenant_id, client_id);

-- Numbers a tenant must never call
create table do_not_call (
    id           uuid                     not null primary key,
    tenant_id    varchar(63)              not null,
    phone_number varchar(20)              not null,
    reason       varchar(500),
    source       varchar(20)              not null,
    created_at   timestamp with time zone not null default now(),
    unique (tenant_id, phone_number)
);

-- Outbound calls to place: a worker dials due rows inside the callee's calling hours and retries by outcome
create table outbound_call_queue (
    id                  uuid                     not null primary key,
    tenant_id           varchar(63)              not null,
    client_id           uuid,
    phone_number        varchar(20)              not null,
    purpose             varchar(500)             not null,
    assistant_key       varchar(64)              not null,
    time_zone           varchar(64),
    earliest_at         timestamp with time zone not null,
    latest_at           timestamp with time zone,
    next_attempt_at     timestamp with time zone not null,
    attempts            integer                  not null default 0,
    max_attempts        integer                  not null check (max_attempts between 1 and 20),
    status              varchar(20)              not null,
    last_outcome        varchar(30),
    last_error          varchar(500),
    last_call_id        varchar(64),
    call_record_id      uuid,
    lease_until         timestamp with time zone,
    callback_request_id uuid,
    created_at          timestamp with time zone not null default now(),
    updated_at          timestamp with time zone not null default now()
);
create index outbound_call_queue_due_idx on outbound_call_queue (next_attempt_at) where status = 'queued';
create index outbound_call_queue_tenant_idx on outbound_call_queue (tenant_id, created_at desc);
create index outbound_call_queue_call_idx on outbound_call_queue (tenant_id, last_call_id);

-- Callback requests taken by the voice assistant
create table callback_requests (
    id             uuid                     not null primary key,
    tenant_id      varchar(63)              not null,
    vapi_call_id   varchar(64),
    client_id      uuid,
    phone_number   varchar(20),
    name           varchar(200),
    reason         varchar(1000),
    preferred_at   timestamp with time zone,
    queue_entry_id uuid,
    created_at     timestamp with time zone not null default now()
);
create index callback_requests_tenant_idx on callback_requests (tenant_id, created_at desc);
