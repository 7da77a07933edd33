-- Service accounts and their API keys (#22). An account is not a user: it has no password, no second factor and
-- no row in app_user, so neither the sign-in endpoint nor the portal can ever authenticate it; only its keys can.
create table service_account (
    name              varchar(64)  primary key,
    description       varchar(1000),
    -- comma-separated scope names, sorted (tickets:read, ...); the roles it acts as are derived from them
    scopes            varchar(500) not null,
    -- comma-separated region codes, sorted ('' for none)
    regions           varchar(100) not null,
    -- requests per rate-limit window for its keys (null: custodian.rate-limit.key)
    rate_limit        integer,
    expires_at        timestamp with time zone,
    created_at        timestamp with time zone not null,
    created_by        varchar(256) not null,
    disabled_at       timestamp with time zone,
    disabled_by       varchar(256),
    disable_reason    varchar(1000)
);

-- The secret of a key is never stored: only HMAC-SHA256(installation key, key id, secret).
create table service_account_key (
    key_id            varchar(16)  primary key,
    account           varchar(64)  not null references service_account (name),
    secret_hash       varchar(64)  not null,
    created_at        timestamp with time zone not null,
    created_by        varchar(256) not null,
    expires_at        timestamp with time zone not null,
    -- requests per window (null: the account's, else custodian.rate-limit.key)
    rate_limit        integer,
    last_used_at      timestamp with time zone,
    revoked_at        timestamp with time zone,
    revoked_by        varchar(256),
    revoke_reason     varchar(1000)
);

create index service_account_key_account on service_account_key (account);
