-- OAuth "state" values handed out by Connect, checked and consumed by the callback.
create table oauth_state (
    state          text primary key,
    integration_id uuid        not null references integration (id),
    system         text        not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null
);

-- The shared rate budget per app and division (Exact: 60 a minute, 5,000 a day), kept in step
-- with Exact's X-RateLimit headers. "assumed" windows were rolled by our clock, not a header.
create table rate_limit (
    scope            text primary key,
    minute_limit     int         not null,
    minute_remaining int         not null,
    minute_reset     timestamptz not null,
    minute_assumed   boolean     not null default true,
    day_limit        int         not null,
    day_remaining    int         not null,
    day_reset        timestamptz not null,
    day_assumed      boolean     not null default true,
    updated_at       timestamptz not null
);

-- Master data of the accounting system for the configuration screens, cached per integration.
create table master_data_cache (
    integration_id uuid        not null references integration (id),
    kind           text        not null,
    payload        text        not null,
    fetched_at     timestamptz not null,
    primary key (integration_id, kind)
);
