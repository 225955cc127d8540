-- A login (a merchant's username and password) can hold several integrations (licence keys).
create table login (
    id                        uuid primary key,
    username                  text        not null unique,
    email                     text        not null,
    password_hash             text        not null,
    language                  text,
    created_at                timestamptz not null,
    password_reset_hash       text,
    password_reset_expires_at timestamptz
);
insert into login (id, username, email, password_hash, created_at)
select gen_random_uuid(), owner_login, owner_email, owner_password_hash, created_at
from integration;

alter table integration add column login_id uuid references login (id);
update integration i set login_id = (select l.id from login l where l.username = i.owner_login);
alter table integration alter column login_id set not null;
alter table integration drop constraint integration_owner_login_key;
alter table integration drop column owner_password_hash;
create index integration_login_idx on integration (login_id, created_at);

-- The trial ends; then the integration runs only with an active subscription (an operator flag).
alter table integration add column subscription_active boolean not null default false;
-- Installation is complete when both connections are green and the configuration was saved.
alter table integration add column configured_at timestamptz;
-- A stale licence key the merchant removed from the switcher (nothing is deleted).
alter table integration add column removed_at timestamptz;
-- Where notifications go besides the owner's address.
alter table integration add column notification_email text;
