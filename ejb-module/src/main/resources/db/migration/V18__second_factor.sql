-- Second factor for the portal (RFC 6238 TOTP) and its one-time recovery codes.
-- The TOTP secret must be usable to compute codes, so it cannot be hashed: it is sealed with AES-256-GCM under
-- custodian.auth.second-factor-key. Recovery codes are only compared, so they are kept as keyed hashes.
-- Both tables are kept live by a restore (an old backup must not bring back a factor that was reset), so
-- user_second_factor has no foreign key to app_user, whose rows a restore replaces.
create table user_second_factor (
    username        varchar(64) primary key,
    sealed_secret   varchar(200) not null,
    confirmed_at    timestamp with time zone,
    -- the newest 30-second step whose code was accepted: a code is good once (RFC 6238 section 5.2)
    last_used_step  bigint not null,
    created_at      timestamp with time zone not null
);

create table user_recovery_code (
    username   varchar(64) not null references user_second_factor (username) on delete cascade,
    code_hash  varchar(64) not null,
    primary key (username, code_hash)
);
