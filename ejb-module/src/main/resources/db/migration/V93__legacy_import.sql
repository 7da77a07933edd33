-- Legacy import (#24). An upload is staged here as it came (the text of the CSV or JSON lines file and its column
-- mapping) and worked by the legacy-import job; each row's outcome is kept once (primary key: import, row), so a
-- chunk that runs again after a restart adds nothing. import_record is the lineage: which record an external id
-- of a source became; its unique key is what makes a second run of the same file change nothing.
create sequence import_upload_seq start with 1 increment by 1;

create table import_upload (
    id            bigint primary key,
    source        varchar(64)   not null,
    format        varchar(8)    not null,
    mapping       text          not null,
    region        varchar(8)    not null,
    category      varchar(40)   not null,
    content       text          not null,
    row_count     integer       not null,
    status        varchar(16)   not null,
    execution_id  bigint,
    created_by    varchar(64)   not null,
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    constraint import_upload_format check (format in ('CSV', 'JSONL')),
    constraint import_upload_status check (status in ('STARTING', 'RUNNING', 'COMPLETED', 'STOPPED', 'FAILED'))
);

create table import_row_result (
    import_id  bigint       not null references import_upload (id) on delete cascade,
    row_no     integer      not null,
    line       integer      not null,
    outcome    varchar(12)  not null,
    -- for a rejected row: "field: problem" lines (no values: the report must not copy personal data)
    problems   text,
    primary key (import_id, row_no),
    constraint import_row_result_outcome check (outcome in ('CREATED', 'UNCHANGED', 'REJECTED'))
);

create table import_record (
    source       varchar(64)   not null,
    kind         varchar(8)    not null,
    external_id  varchar(128)  not null,
    record_type  varchar(12)   not null,
    record_id    bigint        not null,
    import_id    bigint        not null references import_upload (id),
    row_no       integer       not null,
    created_at   timestamp with time zone not null,
    primary key (source, kind, external_id),
    constraint import_record_kind check (kind in ('CUSTOMER', 'TICKET', 'COMMENT')),
    constraint import_record_type check (record_type in ('CUSTOMER', 'TICKET', 'COMMENT', 'DESCRIPTION'))
);
create index import_record_record_idx on import_record (record_type, record_id);
