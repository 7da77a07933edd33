-- Erasure (GDPR Art. 17) and the ledger that makes it stick. An erasure anonymizes the subject's customer records,
-- their tickets' texts and comments, and the identifiers in the request register, in one transaction with its
-- audit events; the ledger row (with the receipt given to the subject) commits with it. Backups taken before
-- the erasure still hold the values: every restore re-applies the whole ledger to the restored copy before it
-- commits, and a live restore keeps the live ledger, so an erased person never comes back.
alter table customer add column erased_at timestamp with time zone;

create sequence erasure_seq start with 50 increment by 50;

create table erasure (
    id         bigint primary key,
    request_id bigint        not null unique,
    erased_at  timestamp with time zone not null,
    erased_by  varchar(64)   not null,
    receipt    varchar(20000) not null
);

-- the records the erasure covered; no foreign key, so the ledger outlives the records (and a restored copy that
-- lacks some of them)
create table erasure_subject (
    erasure_id  bigint not null references erasure (id),
    customer_id bigint not null,
    primary key (erasure_id, customer_id)
);
