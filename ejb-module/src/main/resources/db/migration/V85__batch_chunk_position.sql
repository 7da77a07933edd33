-- Where a chunk step stands, written by ChunkPositionListener in the chunk's own transaction, so it commits or
-- rolls back with the chunk's data. The container's checkpoint cannot promise that where its job repository is
-- not in the transaction (WildFly: JBeret's repository on a non-JTA datasource writes the checkpoint just
-- before the chunk commits). A reader resumes from this row when there is one.
create table batch_chunk_position (
    job_instance_id bigint       not null,
    step_name       varchar(128) not null,
    position        text         not null,
    updated_at      timestamptz  not null default now(),
    primary key (job_instance_id, step_name)
);
