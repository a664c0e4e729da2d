-- Intake: what became of each inbound email. One row per inbound email (a redelivered event finds the row and does
-- nothing), with the extraction it was read into, how it was handled and what it was linked to.
create table intake_requests (
    id                     uuid                     not null primary key,
    tenant_id              varchar(63)              not null,
    inbound_email_id       uuid                     not null,
    message_id             varchar(1000),
    from_address           varchar(1000),
    subject                varchar(1000),
    received_at            timestamp with time zone not null,
    classification         varchar(32)              not null
        check (classification in ('new_travel_request', 'quote_reply', 'support_request', 'automated')),
    engine                 varchar(16)              not null,
    model                  varchar(100),
    -- the TravelRequestExtraction: every field with its value, confidence and span
    extraction             jsonb                    not null,
    -- fields that were missing or below the confidence threshold when the request arrived
    low_confidence         text[]                   not null default '{}',
    status                 varchar(16)              not null
        check (status in ('processed', 'needs_review', 'ignored', 'approved', 'rejected')),
    outcome                varchar(32)              not null
        check (outcome in ('new_request', 'quote_reply', 'change_request', 'support', 'automated', 'spam')),
    review_reason          varchar(1000),
    client_id              uuid,
    quote_id               uuid,
    quote_number           varchar(32),
    -- the quote a reply answered
    reply_to_quote_id      uuid,
    reply_to_quote_number  varchar(32),
    ticket_ref             varchar(255),
    reviewed_by            uuid,
    reviewed_at            timestamp with time zone,
    reject_reason          varchar(1000),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint intake_requests_email_unique unique (tenant_id, inbound_email_id)
);

create index intake_requests_queue_idx on intake_requests (tenant_id, status, created_at, id);
create index intake_requests_client_idx on intake_requests (tenant_id, client_id) where client_id is not null;

-- What a reviewer changed when approving a request: the measure of the parser.
create table intake_corrections (
    id                    uuid                     not null primary key,
    tenant_id             varchar(63)              not null,
    request_id            uuid                     not null references intake_requests (id) on delete cascade,
    field                 varchar(32)              not null,
    extracted_value       jsonb,
    extracted_confidence  numeric(4, 3)            not null default 0,
    corrected_value       jsonb,
    engine                varchar(16)              not null,
    corrected_by          uuid,
    created_at            timestamp with time zone not null,
    constraint intake_corrections_field_once unique (request_id, field)
);

create index intake_corrections_tenant_field_idx on intake_corrections (tenant_id, field);
