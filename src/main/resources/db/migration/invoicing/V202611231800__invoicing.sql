-- Invoice numbers: one counter row per tenant, incremented with "update ... returning" in the transaction that
-- issues the invoice, so numbers are gap-free (a rollback gives the number back) and never taken twice (the row
-- lock serialises issuers of one tenant).
create table invoice_counters (
    tenant_id   varchar(63) not null primary key,
    last_number bigint      not null check (last_number > 0),
    updated_at  timestamp with time zone not null default now()
);

-- Invoices. A draft has no number, issue or due date; issuing gives all three and a snapshot of the tenant's
-- banking details. Amounts are in the invoice currency, rounded to its minor unit.
create table invoices (
    id                 uuid                     not null primary key,
    tenant_id          varchar(63)              not null,
    number             varchar(32),
    status             varchar(16)              not null
        check (status in ('draft', 'issued', 'partially_paid', 'paid', 'void')),
    quote_id           uuid,
    quote_revision     int,
    client_id          uuid                     not null,
    currency           char(3)                  not null,
    payment_terms_days int check (payment_terms_days between 0 and 365),
    issue_date         date,
    due_date           date,
    subtotal           numeric(19, 4)           not null default 0,
    tax                numeric(19, 4)           not null default 0,
    total              numeric(19, 4)           not null default 0 check (total >= 0),
    amount_paid        numeric(19, 4)           not null default 0,
    payment_reference  varchar(35),
    banking            jsonb check (banking is null or jsonb_typeof(banking) = 'object'),
    notes              text,
    created_by         uuid,
    issued_at          timestamp with time zone,
    paid_at            timestamp with time zone,
    voided_at          timestamp with time zone,
    void_reason        varchar(500),
    created_at         timestamp with time zone not null default now(),
    updated_at         timestamp with time zone not null default now(),
    constraint invoices_tenant_id_unique unique (tenant_id, id),
    -- numbers are unique per tenant (drafts have none: NULLs never collide)
    constraint invoices_tenant_number_unique unique (tenant_id, number),
    constraint invoices_number_iff_issued check ((status = 'draft') = (number is null)),
    constraint invoices_dates_when_issued
        check (status = 'draft' or (issue_date is not null and due_date is not null and due_date >= issue_date)),
    constraint invoices_paid_within_total check (amount_paid >= 0 and amount_paid <= total),
    constraint invoices_void_iff_voided check ((status = 'void') = (voided_at is not null)),
    constraint invoices_quote_revision check ((quote_id is null) = (quote_revision is null))
);
-- one live invoice per quote; voiding frees the quote for a corrected invoice
create unique index invoices_tenant_quote_unique on invoices (tenant_id, quote_id)
    where quote_id is not null and status <> 'void';
create index invoices_tenant_created_idx on invoices (tenant_id, created_at desc, id desc);
create index invoices_tenant_client_idx on invoices (tenant_id, client_id);
create index invoices_tenant_status_idx on invoices (tenant_id, status, due_date);
create index invoices_open_due_idx on invoices (due_date) where status in ('issued', 'partially_paid');

-- an issued invoice is a financial record: it is voided, never deleted
create function invoices_keep_issued() returns trigger language plpgsql as $$
begin
    if old.status <> 'draft' then
        raise exception 'invoice % is %, only drafts can be deleted', old.id, old.status
            using errcode = 'restrict_violation';
    end if;
    return old;
end
$$;
create trigger invoices_keep_issued before delete on invoices for each row execute function invoices_keep_issued();

create table invoice_lines (
    invoice_id  uuid           not null references invoices (id) on delete cascade,
    tenant_id   varchar(63)    not null,
    position    int            not null check (position >= 0),
    type        varchar(32)    not null,
    description varchar(500)   not null,
    quantity    numeric(12, 3) not null check (quantity > 0),
    unit_price  numeric(19, 6) not null,
    tax_rate    numeric(6, 3)  not null check (tax_rate >= 0 and tax_rate <= 100),
    total       numeric(19, 4) not null,
    primary key (invoice_id, position)
);
create index invoice_lines_tenant_idx on invoice_lines (tenant_id, invoice_id);

-- Travellers of an invoice. Each personal field is AES-256-GCM ciphertext (12-byte nonce followed by the
-- ciphertext and tag) under the data key named by key_id; erasure clears them and sets erased_at.
create table invoice_travelers (
    id              uuid                     not null primary key,
    tenant_id       varchar(63)              not null,
    invoice_id      uuid                     not null references invoices (id) on delete cascade,
    key_id          varchar(32)              not null,
    full_name       bytea,
    date_of_birth   bytea,
    passport_number bytea,
    passport_expiry bytea,
    erased_at       timestamp with time zone,
    created_by      uuid,
    created_at      timestamp with time zone not null default now(),
    constraint invoice_travelers_named check (erased_at is not null or full_name is not null)
);
create index invoice_travelers_invoice_idx on invoice_travelers (tenant_id, invoice_id, created_at, id);
create index invoice_travelers_key_idx on invoice_travelers (key_id);

-- Payments, in the invoice currency. Kept with the invoice for good (no cascade: issued invoices stay).
create table invoice_payments (
    id          uuid                     not null primary key,
    tenant_id   varchar(63)              not null,
    invoice_id  uuid                     not null references invoices (id),
    amount      numeric(19, 4)           not null check (amount > 0),
    paid_on     date                     not null,
    method      varchar(8)               not null check (method in ('eft', 'card', 'cash', 'other')),
    reference   varchar(100),
    recorded_by uuid,
    recorded_at timestamp with time zone not null default now()
);
create index invoice_payments_invoice_idx on invoice_payments (tenant_id, invoice_id, paid_on, recorded_at);

-- Overdue reminders: one row per invoice and schedule step, written in the transaction that queues the email,
-- so each step is sent once however often the job runs.
create table invoice_reminders (
    invoice_id uuid                     not null references invoices (id),
    tenant_id  varchar(63)              not null,
    kind       varchar(32)              not null,
    sent_on    date                     not null,
    email_id   uuid,
    created_at timestamp with time zone not null default now(),
    primary key (invoice_id, kind)
);
create index invoice_reminders_tenant_idx on invoice_reminders (tenant_id, invoice_id);
