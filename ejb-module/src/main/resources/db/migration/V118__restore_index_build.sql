-- #27: the search (GIN) indexes of a restored schema are built after its data has committed, by the restore job's
-- second step ("indexes"): the rows are all there and checked, search works without them (only slower). This is
-- what is still to build, written in the data's own transaction; a restarted step builds only what is missing,
-- each index and its row here in one transaction of their own.
create table restore_index_build (
    schema_name     varchar(63)   not null,
    position        integer       not null,
    index_name      varchar(200)  not null,
    definition      varchar(4000) not null,
    restore_run_id  bigint        not null,
    built_at        timestamp with time zone,
    build_ms        bigint,
    primary key (schema_name, position)
);
