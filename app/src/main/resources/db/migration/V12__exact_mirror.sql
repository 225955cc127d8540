-- Koppel's copy of a division's accounts and items, read with Exact's sync endpoints, so finding a
-- customer by e-mail or a product by code or barcode costs no call. One mirror per division: two
-- shops booking into one administration share it.
create table exact_mirror_state (
    division        text        primary key,
    accounts_ts     bigint      not null default 0,
    items_ts        bigint      not null default 0,
    deleted_ts      bigint      not null default 0,
    -- when the last read of each feed that went to its end began (null: never read to the end)
    accounts_read_at timestamptz,
    items_read_at    timestamptz,
    deleted_read_at  timestamptz,
    failed_at       timestamptz,
    failure         text
);

create table exact_mirror_account (
    division    text   not null,
    id          uuid   not null,
    code        text,
    name        text,
    email       text,
    email_key   text,
    vat_number  text,
    customer    boolean not null,
    ts          bigint not null,
    primary key (division, id)
);
create index exact_mirror_account_email on exact_mirror_account (division, email_key);

create table exact_mirror_item (
    division    text   not null,
    id          uuid   not null,
    code        text,
    code_key    text,
    barcode     text,
    ts          bigint not null,
    primary key (division, id)
);
create index exact_mirror_item_code on exact_mirror_item (division, code_key);
create index exact_mirror_item_barcode on exact_mirror_item (division, barcode);
