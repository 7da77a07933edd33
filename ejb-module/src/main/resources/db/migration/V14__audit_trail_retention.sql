-- Retention of the audit trail itself. Raw events older than custodian.audit.raw-retention are summarized into
-- daily counts and removed, but only up to a signed checkpoint: audit_prune keeps, for that tree size, the chain
-- hash and the Merkle tree's right edge, so what remains still verifies (the edge must hash to the checkpoint's
-- signed root) and still serves proofs for every later event. Each pruning is announced by an AUDIT_PRUNE event
-- in the trail after it, so a pruning nobody recorded shows as tampering.
create table audit_prune (
    tree_size       bigint primary key,
    chain_hash      char(64)      not null,
    merkle_frontier varchar(4400) not null,
    pruned_at       timestamp with time zone not null,
    cutoff          timestamp with time zone not null,
    events_removed  bigint        not null,
    requested_by    varchar(256)  not null,
    reason          varchar(1000) not null
);

-- Daily counts of the removed events (UTC days), kept for custodian.audit.aggregate-retention.
create table audit_daily_aggregate (
    utc_day        date         not null,
    action         varchar(64)  not null,
    outcome        varchar(16)  not null,
    resource_type  varchar(64)  not null,
    actor_roles    varchar(256) not null,
    events         bigint       not null,
    first_sequence bigint       not null,
    last_sequence  bigint       not null,
    primary key (utc_day, action, outcome, resource_type, actor_roles)
);

-- One row that prunings lock first, so two of them (a request and the schedule, or two nodes) never count the same
-- events twice: the second waits, then finds the pruning point moved.
create table audit_prune_guard (
    id integer primary key,
    constraint audit_prune_guard_single check (id = 1)
);
insert into audit_prune_guard (id) values (1);
