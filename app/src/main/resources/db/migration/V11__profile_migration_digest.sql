-- An import of a past period can be cancelled by the merchant (Migration tab).
alter table import_job drop constraint if exists import_job_state_check;
alter table import_job
    add constraint import_job_state_check check (state in ('RUNNING', 'DONE', 'FAILED', 'CANCELLED'));

-- The daily digest of new errors: per integration, until when failures were looked at. Every
-- FAILED order whose failed_at is after covered_until is new for the next digest.
create table error_digest (
    integration_id uuid primary key references integration (id),
    covered_until  timestamptz not null,
    last_sent_at   timestamptz
);
