-- VIES verdicts: a cache (recent enough verdicts are not asked again) and the evidence of the
-- check (the consultation number) for ICP orders.
create table vies_check (
    id                 bigserial primary key,
    prefix             varchar(2)  not null,
    number             text        not null,
    status             text        not null check (status in ('VALID', 'INVALID')),
    request_identifier text,
    name               text,
    address            text,
    checked_at         timestamptz not null
);
create index vies_check_number_idx on vies_check (prefix, number, checked_at desc);
