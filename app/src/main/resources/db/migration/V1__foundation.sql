-- Koppel's data. Times are timestamptz (stored in UTC); money is numeric, never float.

-- One row per licence key: a merchant's shop connected to one Exact Online administration.
create table integration (
    id                  uuid primary key,
    licence_key         text        not null unique,
    name                text        not null,
    owner_email         text        not null,
    owner_login         text        not null unique,
    owner_password_hash text        not null,
    shop_country        char(2)     not null default 'BE',
    state               text        not null check (state in ('INSTALLING', 'ACTIVE', 'STOPPED')),
    start_date          date,
    trial_ends_at       timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

-- The link to one external system. Tokens and secrets are AES-GCM ciphertext.
create table connection (
    integration_id     uuid        not null references integration (id),
    system             text        not null check (system in ('KMOSHOPS', 'EXACT')),
    state              text        not null check (state in ('NOT_CONNECTED', 'CONNECTED', 'BROKEN')),
    base_url           text        not null,
    external_id        text,
    access_token       bytea,
    refresh_token      bytea,
    webhook_secret     bytea,
    access_expires_at  timestamptz,
    token_issued_at    timestamptz,
    status_code        text,
    status_message     text,
    status_resolution  text,
    updated_at         timestamptz not null,
    primary key (integration_id, system)
);

-- What the merchant configured on the Configuration tab, and what only an operator may switch on.
create table settings (
    integration_id              uuid primary key references integration (id),
    booking_mode                text    not null default 'SALES_INVOICE'
        check (booking_mode in ('SALES_ORDER', 'SALES_INVOICE', 'SALES_ENTRY')),
    vat_type                    char(1) not null default 'I' check (vat_type in ('I', 'E')),
    sales_journal               text,
    cash_journal                text,
    payment_condition           text,
    warehouse_id                uuid,
    processable_payment_statuses text   not null default 'paid',
    direct_invoice              boolean not null default false,
    ledger_mapping_disabled     boolean not null default false,
    currency_enabled            boolean not null default false,
    updated_at                  timestamptz not null
);

-- Shop VAT rate per destination → Exact VAT code and revenue GL account.
-- kind COUNTRY has a country; ICP and INTERNATIONAL rows use country '' and rate 0.
create table vat_mapping (
    integration_id uuid         not null references integration (id),
    kind           text         not null check (kind in ('COUNTRY', 'ICP', 'INTERNATIONAL')),
    country        varchar(2)   not null default '',
    rate           numeric(5, 2) not null,
    vat_code       text         not null,
    gl_account     uuid,
    primary key (integration_id, kind, country, rate)
);

-- Orders paid with these methods are booked on one fixed debtor.
create table payment_method_debtor (
    integration_id      uuid not null references integration (id),
    payment_method_code text not null,
    account_id          uuid not null,
    account_name        text,
    primary key (integration_id, payment_method_code)
);

-- One row per shop order: where it stands. Intake inserts with ON CONFLICT DO NOTHING.
create table order_sync (
    integration_id        uuid        not null references integration (id),
    shop_order_id         bigint      not null,
    order_number          text,
    state                 text        not null
        check (state in ('OPEN', 'QUEUED', 'BOOKING', 'BOOKED', 'FAILED', 'SKIPPED')),
    reason                text,
    attempts              int         not null default 0,
    next_attempt_at       timestamptz,
    attempt_id            uuid,
    error_code            text,
    error_message         text,
    error_resolution      text,
    exact_document_type   text,
    exact_document_id     uuid,
    exact_document_number text,
    order_created_at      timestamptz,
    order_updated_at      timestamptz,
    payment_status        text,
    customer_name         text,
    total_incl            numeric(14, 2),
    currency              char(3),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    queued_at             timestamptz,
    booking_started_at    timestamptz,
    booked_at             timestamptz,
    failed_at             timestamptz,
    skipped_at            timestamptz,
    primary key (integration_id, shop_order_id)
);
create index order_sync_state_idx on order_sync (integration_id, state, updated_at desc);
create unique index order_sync_number_idx on order_sync (integration_id, order_number);

-- Our record ↔ Exact id, unique both ways (customer e-mail ↔ Account, SKU ↔ Item, dummy items).
create table binding (
    integration_id uuid        not null references integration (id),
    kind           text        not null,
    shop_key       text        not null,
    exact_id       uuid        not null,
    exact_code     text,
    created_at     timestamptz not null,
    primary key (integration_id, kind, shop_key),
    unique (integration_id, kind, exact_id)
);

-- Webhook delivery ids already accepted (dedupe), pruned after a bounded time.
create table webhook_delivery (
    delivery_id    text primary key,
    integration_id uuid        not null references integration (id),
    event          text        not null,
    received_at    timestamptz not null
);
create index webhook_delivery_received_idx on webhook_delivery (received_at);

-- Append-only history per order: the source of "More info".
create table event_log (
    id             bigserial primary key,
    integration_id uuid        not null references integration (id),
    shop_order_id  bigint,
    at             timestamptz not null,
    kind           text        not null,
    message        text        not null
);
create index event_log_order_idx on event_log (integration_id, shop_order_id, id);

-- The durable queue (db-scheduler's table, PostgreSQL flavour, with priorities).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
