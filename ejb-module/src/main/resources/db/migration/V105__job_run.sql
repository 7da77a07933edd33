-- #25: one row per finished batch job execution (its job, outcome and times), written by every job's end listener,
-- so that the operators' dashboard shows runs, outcomes and durations per job and day with one grouped query
-- instead of reading the batch runtime's own tables (named differently on Payara Micro, Payara Server and WildFly).
create table job_run (
    execution_id bigint primary key,
    job_name     varchar(64) not null,
    batch_status varchar(16) not null,
    started_at   timestamp with time zone,
    ended_at     timestamp with time zone not null
);

create index job_run_ended on job_run (ended_at);
