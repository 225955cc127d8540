-- An import of a past period can be cancelled by the merchant (Migration tab).
alter table import_job drop constraint if exists import_job_state_check;
alter table import_job
    add constraint import_job_state_check check (state in ('RUNNING', 'DONE', 'FAILED', 'CANCELLED'));

-- The daily digest of new errors: when it last ran for an integration (at most once a day, at the
-- digest time on the shop's calendar) ...
create table error_digest (
    integration_id uuid primary key references integration (id),
    last_run_at    timestamptz not null,
    last_sent_at   timestamptz
);

-- ... and which failures it reported: an order's failure (its failed_at) is reported once; the
-- same order failing again later is a new error.
create table error_digest_item (
    integration_id uuid        not null references integration (id),
    shop_order_id  bigint      not null,
    failed_at      timestamptz not null,
    reported_at    timestamptz not null,
    primary key (integration_id, shop_order_id, failed_at)
);
