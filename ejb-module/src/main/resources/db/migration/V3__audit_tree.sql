-- The audit trail as an RFC 6962 Merkle tree: each event's leaf hash, the tree's right edge in the chain
-- head (so the root is current at every append), and signed checkpoints of (size, root). V3_1 (Java) fills
-- the leaf hashes and the edge for events written before this step.

alter table audit_event add column leaf_hash char(64);
alter table audit_chain_head add column merkle_frontier varchar(4400) default '0:' not null;

create table audit_checkpoint (
    tree_size  bigint primary key,
    root_hash  char(64) not null,
    chain_hash char(64) not null,
    created_at timestamp with time zone not null,
    algorithm  varchar(16) not null,
    key_id     varchar(64) not null,
    signature  varchar(200) not null
);
