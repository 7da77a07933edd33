-- #26: coordination of two or more nodes through the one database they share (no membership protocol of our own).
-- A node is one running instance (one boot of the same EAR/runnable): it registers a row with a lease it renews by
-- heartbeat; a node whose lease has expired is gone.
create table cluster_node (
    node_id      uuid primary key,
    node_name    varchar(200) not null,
    started_at   timestamp with time zone not null default now(),
    heartbeat_at timestamp with time zone not null default now(),
    lease_until  timestamp with time zone not null
);

create index cluster_node_name on cluster_node (node_name);

-- One row per scheduled task (EJB timer): the node that runs it. Another node takes it only once that node is gone,
-- so a task runs on exactly one node at a time and moves when its node dies.
create table cluster_timer_lease (
    task        varchar(100) primary key,
    node_id     uuid not null,
    acquired_at timestamp with time zone not null default now(),
    renewed_at  timestamp with time zone not null default now()
);

-- Which node runs each batch job execution (start and restart), so that an execution is failed as an orphan only
-- when its node is gone; under_way until its end listener (or the orphan sweep) says it ended. The batch runtime's
-- own JobOperator lists as running only the executions of its own JVM, so "is this job running anywhere" is asked
-- here.
create table job_execution_node (
    execution_id bigint primary key,
    job_name     varchar(64) not null,
    node_id      uuid not null,
    recorded_at  timestamp with time zone not null default now(),
    under_way    boolean not null default true
);

create index job_execution_node_under_way on job_execution_node (job_name) where under_way;
