-- The Report, Errors and Open tabs, and support tickets.

-- The customer's e-mail address as the shop gave it, so the Report tab can search on it.
alter table order_sync add column customer_email text;

-- The tabs list an integration's orders of one state by the shop's order date.
create index order_sync_state_date_idx
    on order_sync (integration_id, state, (coalesce(order_created_at, created_at)) desc);

-- A question or problem report to support ("Report problem" on the Errors tab, "Ask us"), with
-- what support needs to answer it, as it was when the merchant sent it.
create sequence ticket_number_seq start with 1001;
create table ticket (
    id             uuid primary key,
    number         bigint      not null unique default nextval('ticket_number_seq'),
    integration_id uuid        not null references integration (id),
    shop_order_id  bigint,
    order_number   text,
    code           text,
    subject        text        not null,
    remark         text,
    snapshot       text        not null,
    created_by     text        not null,
    created_at     timestamptz not null
);
create index ticket_integration_idx on ticket (integration_id, created_at desc);
