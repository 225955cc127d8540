-- Every e-mail Koppel sends goes through this outbox: stored first, sent by a queued job, retried.
create table mail_outbox (
    id             uuid primary key,
    integration_id uuid references integration (id),
    kind           text        not null,
    to_address     text        not null,
    subject        text        not null,
    body_text      text        not null,
    body_html      text,
    created_at     timestamptz not null,
    sent_at        timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);
create index mail_outbox_created_idx on mail_outbox (created_at desc);
create index mail_outbox_integration_idx on mail_outbox (integration_id, created_at desc);
