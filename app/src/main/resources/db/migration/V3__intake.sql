-- Orders brought in by a historical import are booked even when placed before the start date.
alter table order_sync add column imported boolean not null default false;

-- Why an order is OPEN or SKIPPED, as a stable code (the reason column has the words).
alter table order_sync add column reason_code text;

-- Polling: the updatedSince watermark per integration, and what the last poll did.
create table poll_state (
    integration_id uuid primary key references integration (id),
    watermark      timestamptz,
    last_poll_at   timestamptz,
    last_result    text
);

-- Historical imports ("migrations"): a date range fetched page by page, resumable.
create table import_job (
    id             uuid primary key,
    integration_id uuid        not null references integration (id),
    created_from   timestamptz not null,
    created_to     timestamptz not null,
    state          text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    cursor         timestamptz,
    page           int         not null default 1,
    seen           int         not null default 0,
    imported       int         not null default 0,
    total          int,
    message        text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index import_job_integration_idx on import_job (integration_id, created_at desc);
