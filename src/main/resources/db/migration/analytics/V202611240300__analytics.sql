-- Analytics: what happened in the other modules, as they announced it, one row per source event.
create table analytics_events (
    id              uuid primary key,
    tenant_id       text        not null,
    type            text        not null,
    subject_id      text,
    -- the key of the announcing event: a redelivered event finds its row and adds nothing
    source_event_id text        not null,
    properties      jsonb       not null default '{}'::jsonb,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null default now(),
    -- the value medians are taken of: first response, helpdesk latency, call duration
    value           numeric generated always as (
        case type
            when 'whatsapp.message.answered' then case when jsonb_typeof(properties -> 'first_response_ms') = 'number'
                then (properties ->> 'first_response_ms')::numeric end
            when 'helpdesk.answered' then case when jsonb_typeof(properties -> 'latency_ms') = 'number'
                then (properties ->> 'latency_ms')::numeric end
            when 'call.ended' then case when jsonb_typeof(properties -> 'duration_seconds') = 'number'
                then (properties ->> 'duration_seconds')::numeric end
        end) stored
);

create unique index analytics_events_source_uq on analytics_events (tenant_id, source_event_id);
-- every dashboard query reads one tenant, a set of types and a time range; distinct conversations and medians are
-- answered from the index alone
create index analytics_events_type_time_idx on analytics_events (tenant_id, type, occurred_at)
    include (subject_id, value);
-- lookups of an earlier event of the same subject (the invoice a payment belongs to, a ticket's resolution)
create index analytics_events_subject_idx on analytics_events (tenant_id, subject_id, type);

-- Hourly (UTC) sums of the events, so a month or a year is read from a few thousand rows instead of every event.
-- Kept in the transaction that records each event; the hours a period only partly covers are read from the events.
create table analytics_hourly (
    tenant_id    text        not null,
    type         text        not null,
    hour         timestamptz not null,
    -- total_currency or cost_currency of the events, '' when none
    currency     text        not null default '',
    -- the outcome of ended calls, '' for other types
    outcome      text        not null default '',
    events       bigint      not null,
    -- helpdesk answers that were grounded, tickets resolved after their SLA
    flagged      bigint      not null,
    -- invoices issued or paid from a quote
    from_quote   bigint      not null,
    -- total_amount or cost_amount
    amount       numeric     not null,
    -- amount of the events from a quote
    quote_amount numeric     not null,
    -- seconds of ended calls, tokens of helpdesk answers
    measure      numeric     not null,
    primary key (tenant_id, type, hour, currency, outcome)
);

-- Events waiting for the BigQuery export (only filled while the export is configured).
create table analytics_export_queue (
    event_id    uuid primary key references analytics_events (id) on delete cascade,
    tenant_id   text        not null,
    recorded_at timestamptz not null
);

create index analytics_export_queue_tenant_idx on analytics_export_queue (tenant_id, recorded_at);

-- How far each tenant's export has got, and how it went last.
create table analytics_export_cursors (
    tenant_id            text primary key,
    exported_through     timestamptz,
    exported_events      bigint      not null default 0,
    last_success_at      timestamptz,
    last_failure_at      timestamptz,
    last_error           text,
    consecutive_failures integer     not null default 0
);

-- Questions the bot or the helpdesk could not answer, grouped by similarity.
create table unanswered_groups (
    id             uuid primary key,
    tenant_id      text        not null,
    -- the first question asked in the group, and its normalised form the others are compared with
    question       text        not null,
    normalized     text        not null,
    occurrences    integer     not null,
    first_asked_at timestamptz not null,
    last_asked_at  timestamptz not null,
    status         text        not null default 'open' check (status in ('open', 'resolved')),
    answer         text,
    resolved_at    timestamptz,
    resolved_by    uuid
);

create index unanswered_groups_tenant_idx on unanswered_groups (tenant_id, status, occurrences desc, last_asked_at desc);

create table unanswered_questions (
    event_id  uuid primary key references analytics_events (id) on delete cascade,
    tenant_id text        not null,
    group_id  uuid        not null references unanswered_groups (id) on delete cascade,
    question  text        not null,
    channel   text        not null,
    asked_at  timestamptz not null
);

create index unanswered_questions_group_idx on unanswered_questions (group_id, asked_at);
create index unanswered_questions_tenant_idx on unanswered_questions (tenant_id, asked_at);

-- Per-tenant analytics settings: the daily report.
create table analytics_settings (
    tenant_id               text primary key,
    report_enabled          boolean     not null default true,
    report_hour             smallint    not null default 8 check (report_hour between 0 and 23),
    trainer_whatsapp_number text,
    staff_emails            jsonb       not null default '[]'::jsonb,
    updated_at              timestamptz not null,
    updated_by              uuid
);

-- Every daily report handed over for delivery; the unique key keeps a day from going out twice on a channel.
create table reports_log (
    id          uuid primary key,
    tenant_id   text        not null,
    report_date date        not null,
    channel     text        not null check (channel in ('whatsapp', 'email')),
    status      text        not null check (status in ('queued', 'sent', 'failed')),
    recipients  text        not null,
    body        text        not null,
    reference   text,
    sent_at     timestamptz not null,
    unique (tenant_id, report_date, channel)
);
