-- Restores and restore drills: what was restored, into which schema, up to which point in time, how long it took
-- (RTO) and how old the newest restored change was (RPO), and every check with its result.
create sequence restore_run_seq start with 50 increment by 50;

create table restore_run (
    id                bigint primary key,
    kind              varchar(12)   not null,
    set_id            bigint        not null,
    set_name          varchar(80)   not null,
    chain             varchar(4000) not null,
    target_schema     varchar(63)   not null,
    point_in_time     timestamp with time zone,
    requested_by      varchar(64)   not null,
    reason            varchar(1000) not null,
    job_execution_id  bigint        not null,
    started_at        timestamp with time zone not null,
    finished_at       timestamp with time zone,
    rto_ms            bigint,
    rpo_ms            bigint,
    rows_restored     bigint,
    ok                boolean,
    checks            varchar(8000),
    failure           varchar(2000),
    constraint restore_run_kind_known check (kind in ('RESTORE', 'DRILL', 'LIVE'))
);
create index restore_run_started_idx on restore_run (kind, started_at);
