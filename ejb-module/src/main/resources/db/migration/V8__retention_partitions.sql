-- Deleting a ticket checks the foreign keys that point at it: without these indexes every deleted ticket scanned
-- both tables, and the purge's reference check did too.
create index access_override_ticket_idx on access_override (ticket_id);
create index alert_ticket_idx on alert (ticket_id);

-- Where each partition of a retention-purge job instance stands and what it did, written in each chunk's own
-- transaction. A restart (even after kill -9) resumes every partition after its last ticket here, and the summary
-- covers the whole instance, partitions finished before the crash included.
create table retention_purge_progress (
    job_instance_id bigint  not null,
    partition_no    integer not null,
    last_ticket_id  bigint  not null,
    examined        bigint  not null,
    anonymized      bigint  not null,
    deleted         bigint  not null,
    held            bigint  not null,
    gone            bigint  not null,
    skipped         bigint  not null,
    primary key (job_instance_id, partition_no)
);
