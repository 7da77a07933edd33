-- The catalog of backup sets. A set is listed COMPLETE only after its last file, its checksums and its signature
-- are on disk and its directory has been published under its final name; a killed export leaves a RUNNING row
-- that the next start marks FAILED. Rows are kept after expiry (status EXPIRED) so the trail can still name them.
-- log_pruned: the change log was pruned up to this set's snapshot; no incremental may build on an older base.
create sequence backup_set_seq start with 50 increment by 50;

create table backup_set (
    id                bigint primary key,
    set_name          varchar(80)  not null,
    backup_type       varchar(12)  not null,
    base_id           bigint references backup_set (id),
    status            varchar(12)  not null,
    target            varchar(64)  not null,
    regions           varchar(200),
    reason            varchar(1000) not null,
    requested_by      varchar(64)  not null,
    job_execution_id  bigint       not null,
    started_at        timestamp with time zone not null,
    snapshot_at       timestamp with time zone,
    snapshot_ids      varchar(100000),
    audit_sequence    bigint,
    schema_version    varchar(32),
    completed_at      timestamp with time zone,
    size_bytes        bigint,
    row_count         bigint,
    manifest_sha256   char(64),
    verified_at       timestamp with time zone,
    verify_result     varchar(2000),
    expired_at        timestamp with time zone,
    expiry_reason     varchar(200),
    failure           varchar(2000),
    log_pruned        boolean      not null default false,
    constraint backup_set_name_unique unique (set_name),
    constraint backup_set_type_known check (backup_type in ('FULL', 'INCREMENTAL')),
    constraint backup_set_status_known check (status in ('RUNNING', 'COMPLETE', 'FAILED', 'EXPIRED')),
    constraint backup_set_incremental_has_base check ((backup_type = 'FULL') = (base_id is null))
);
create index backup_set_status_idx on backup_set (status, snapshot_at);
