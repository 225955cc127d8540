-- The Configuration tab keeps what a merchant typed even when it is not complete yet: a VAT row
-- whose rate was changed or that was added, without an Exact VAT code (yet). Such a row books
-- nothing: the pipeline treats it as not configured.
alter table vat_mapping alter column vat_code drop not null;

-- Debtors are shown by code and name, never by id: keep the code next to the name.
alter table settings add column fallback_debtor_code text;
alter table payment_method_debtor add column account_code text;
