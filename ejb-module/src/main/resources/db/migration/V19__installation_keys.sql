-- The fingerprints of this installation's keys (never the keys): a node started with other keys than the ones
-- recorded here refuses to start, so two nodes cannot sign or seal with different keys unnoticed.
create table installation_key (
    name        varchar(32) primary key,
    fingerprint varchar(128) not null,
    recorded_at timestamp with time zone not null
);

-- Raised to revoke every token a user holds: tokens carry the version they were issued under (claim "tv").
alter table app_user add column token_version integer not null default 0;
