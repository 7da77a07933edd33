-- Merging duplicate customer records (#23, 003 M3.4): the duplicate stays as a tombstone that points to the record it
-- was merged into, so its id keeps answering (with where it went) and its history (audit events under its id, which
-- are never rewritten) stays findable from the survivor. No foreign key, like the privacy tables: a restore or the
-- erasure ledger may handle the two rows apart. A tombstone of a tombstone is re-pointed at merge time, so one hop
-- always reaches the survivor.
alter table customer add column merged_into bigint;
alter table customer add column merged_at timestamp with time zone;
create index customer_merged_into_idx on customer (merged_into);
