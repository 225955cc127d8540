-- The exactly-once fence: what the latest booking attempt sent, so every later attempt looks the
-- document up in that place (not in today's settings) before it writes again.
alter table order_sync add column booking_division     text;
alter table order_sync add column booking_mode         text;
alter table order_sync add column booking_your_ref     text;
alter table order_sync add column booking_customer_id  uuid;
alter table order_sync add column booking_amount       numeric(14, 2);
-- set while a document write is in flight; another node does not take the order over meanwhile
alter table order_sync add column write_started_at     timestamptz;

-- Bindings belong to one Exact administration: another division has other accounts and items.
alter table binding add column division text not null default '';
update binding b set division = coalesce(
    (select c.external_id from connection c
      where c.integration_id = b.integration_id and c.system = 'EXACT'), '');
alter table binding drop constraint binding_pkey;
alter table binding drop constraint binding_integration_id_kind_exact_id_key;
alter table binding add primary key (integration_id, division, kind, shop_key);
-- what Koppel saw on the record when it bound it (an account's VAT number, for ICP orders)
alter table binding add column exact_vat_number text;

-- Guests without an e-mail address are booked on this debtor (or fail with a resolution).
alter table settings add column fallback_debtor_id   uuid;
alter table settings add column fallback_debtor_name text;
-- How Exact reads AmountFC on sales entry lines with an inclusive VAT code: AUTO learns it from
-- Exact's answers, EXCLUDING / INCLUDING fix it (operator only).
alter table settings add column entry_amounts text not null default 'AUTO'
    check (entry_amounts in ('AUTO', 'EXCLUDING', 'INCLUDING'));

-- Facts Koppel learned about one Exact administration from its answers.
create table exact_division_fact (
    integration_id uuid        not null references integration (id),
    division       text        not null,
    fact           text        not null,
    value          text        not null,
    learned_at     timestamptz not null,
    evidence       text,
    primary key (integration_id, division, fact)
);
