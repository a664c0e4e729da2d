-- Durable events between modules (Spring Modulith JDBC event publication registry, schema v2)
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- One instance runs each scheduled job (ShedLock)
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- Who read or changed which PII record, when and from where (written when PII_AUDIT_ENABLED=true)
create table pii_audit (
    id            bigint generated always as identity primary key,
    tenant_id     varchar(63),
    actor         varchar(255),
    action        varchar(16)  not null,
    resource_type varchar(64)  not null,
    resource_id   varchar(255),
    method        varchar(10)  not null,
    path          varchar(2048) not null,
    status        int          not null,
    client_ip     varchar(64),
    request_id    varchar(64),
    occurred_at   timestamp with time zone not null default now()
);
create index pii_audit_tenant_time_idx on pii_audit (tenant_id, occurred_at desc);
