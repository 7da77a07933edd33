-- Subject access and portability packages (GDPR Art. 15 and 20): one row per package the subject-package job
-- builds. The ZIP itself lives in custodian.privacy.package-directory, never in the database (so backups do not
-- copy it again), and is deleted when its link expires. Only the SHA-256 of the download token is stored.
create sequence subject_package_seq start with 50 increment by 50;

create table subject_package (
    id               bigint primary key,
    request_id       bigint       not null,
    status           varchar(16)  not null,
    token_sha256     char(64)     not null unique,
    job_execution_id bigint,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    ready_at         timestamp with time zone,
    size_bytes       bigint,
    content_sha256   char(64),
    downloads        integer      default 0 not null,
    failure          varchar(2000),
    requested_by     varchar(64)  not null,
    constraint subject_package_status_known check (status in ('BUILDING', 'READY', 'FAILED', 'EXPIRED'))
);
create index subject_package_request_idx on subject_package (request_id);
