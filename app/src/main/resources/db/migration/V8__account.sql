-- Trial sign-ups: who signed up for which integration, with the terms they accepted (evidence),
-- and the double-submit guard (the same e-mail and shop name within a few minutes is one sign-up).
create table signup (
    id             uuid primary key,
    email          text        not null,
    name_key       text        not null,
    integration_id uuid        not null,
    shop_country   char(2)     not null,
    language       text,
    terms_version  text        not null,
    created_at     timestamptz not null
);
create index signup_email_idx on signup (email, name_key, created_at desc);

-- The trial e-mails an integration was sent: each kind once, never twice.
create table trial_notice (
    integration_id uuid        not null references integration (id),
    kind           text        not null check (kind in ('ENDING', 'ENDED')),
    mail_id        uuid,
    sent_at        timestamptz not null,
    primary key (integration_id, kind)
);
