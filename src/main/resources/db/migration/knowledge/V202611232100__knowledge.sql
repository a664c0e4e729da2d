-- Documents of a tenant's knowledge: the text extracted from the upload is kept, so the index can be rebuilt
-- (chunking is deterministic: the same text gives the same chunk ids) without the original file.
create table knowledge_documents (
    id           uuid                     not null primary key,
    tenant_id    varchar(63)              not null,
    -- a stable name the golden set and the shipped files refer to (the shipped file name, or one given on upload)
    doc_key      varchar(200),
    title        varchar(300)             not null,
    source       varchar(16)              not null check (source in ('upload', 'shipped', 'api')),
    filename     varchar(255),
    content_type varchar(100)             not null,
    format       varchar(16)              not null check (format in ('text', 'markdown', 'html', 'pdf', 'docx')),
    size_bytes   bigint                   not null,
    sha256       char(64)                 not null,
    text         text                     not null,
    -- where the headings of the text are: [{"level", "title", "offset"}], so a rebuild chunks exactly the same
    headings     jsonb                    not null default '[]' check (jsonb_typeof(headings) = 'array'),
    chunk_count  integer                  not null,
    created_at   timestamp with time zone not null default now(),
    updated_at   timestamp with time zone not null default now(),
    unique (tenant_id, doc_key)
);
create index knowledge_documents_tenant_idx on knowledge_documents (tenant_id, created_at, id);

-- Question and answer pairs, searchable by both
create table knowledge_qa_pairs (
    id         uuid                     not null primary key,
    tenant_id  varchar(63)              not null,
    qa_key     varchar(200),
    question   text                     not null,
    answer     text                     not null,
    tags       text[]                   not null default '{}',
    source     varchar(16)              not null check (source in ('api', 'shipped', 'import', 'analytics')),
    created_at timestamp with time zone not null default now(),
    updated_at timestamp with time zone not null default now(),
    unique (tenant_id, qa_key)
);
create index knowledge_qa_pairs_tenant_idx on knowledge_qa_pairs (tenant_id, created_at, id);

-- How answers should sound: one per tenant
create table knowledge_style_guides (
    tenant_id  varchar(63)              not null primary key,
    text       text                     not null,
    updated_at timestamp with time zone not null default now()
);

-- The golden set: questions with the documents / Q&A pairs that should answer them
create table knowledge_golden_questions (
    id                 uuid        not null primary key,
    tenant_id          varchar(63) not null,
    position           integer     not null,
    question           text        not null,
    expected_documents text[]      not null default '{}',
    expected_qa        text[]      not null default '{}',
    keywords           text[]      not null default '{}',
    unique (tenant_id, position)
);

-- The version of each tenant's knowledge: every change bumps generation; an instance whose local index is older
-- restores the snapshot (when it is as new) or rebuilds. The shipped files are loaded once (seeded_at).
create table knowledge_index_state (
    tenant_id           varchar(63)              not null primary key,
    generation          bigint                   not null default 0,
    snapshot_generation bigint,
    snapshot_at         timestamp with time zone,
    seeded_at           timestamp with time zone
);
