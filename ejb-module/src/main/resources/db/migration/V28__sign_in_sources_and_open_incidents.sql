-- Sign-in throttling by source as well as by username (docs/security.md, "Sign-in throttling"), and one open
-- incident per cause (an alert and its ticket are not opened again while the last one for the same cause is open).

-- Failed sign-ins per source address (the client address, see CUSTODIAN_TRUSTED_PROXIES): progressive delays for a
-- source that keeps failing, whatever usernames it tries.
create table login_source_throttle (
    source           varchar(64) primary key,
    failures         integer not null,
    last_failure_at  timestamp with time zone not null,
    blocked_until    timestamp with time zone
);

-- Sources a user has completed a sign-in from: a username's lock applies to other sources only, so a stranger's
-- wrong passwords do not lock the user out of the places they work from.
create table login_known_source (
    username         varchar(64) not null,
    source           varchar(64) not null,
    last_success_at  timestamp with time zone not null,
    primary key (username, source)
);

-- The open alert of a cause (an anomaly rule and actor, or a backup set and kind of failure). The primary key makes
-- creation idempotent under concurrency: the second of two simultaneous incidents waits for the first's insert and
-- then finds its ticket.
create table open_incident (
    dedup_key  varchar(300) primary key,
    alert_id   bigint,
    ticket_id  bigint,
    opened_at  timestamp with time zone not null
);

-- Anomaly rules count refusals of unverified callers (failed sign-ins under any claimed name) per source address.
create index audit_event_source_idx on audit_event (client_address, occurred_at) where actor_roles is null
    or actor_roles = '';
