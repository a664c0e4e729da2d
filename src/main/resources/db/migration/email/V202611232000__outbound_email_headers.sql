-- Extra headers of an outbound email (e.g. In-Reply-To and References, which thread a reply in the recipient's
-- mail client), checked when the email is queued.
alter table outbound_emails
    add column headers jsonb not null default '{}'::jsonb check (jsonb_typeof(headers) = 'object');
