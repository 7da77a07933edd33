-- Change log for incremental backups (PostgreSQL only: backups read the database with COPY).
-- Statement-level triggers record the key of every inserted, updated or deleted row with the id of the writing
-- transaction. An incremental export takes the keys whose transaction is not visible in its base set's snapshot
-- (pg_visible_in_snapshot), which is exact whatever order transactions commit in. The log is written in the same
-- transaction as the change, so it commits (or rolls back) with it. Rows already covered by the newest complete
-- set are removed after each backup.
-- Tables with a single-column key are logged here; audit_event is append-only and taken by sequence; small tables
-- with composite keys are copied whole in every set (see docs/backup-format.md).
create table backup_change (
    xid        xid8         not null,
    table_name varchar(64)  not null,
    row_key    varchar(200) not null
);
create index backup_change_table_idx on backup_change (table_name, xid);

create function backup_log_changes() returns trigger language plpgsql as $$
begin
    -- TG_ARGV[0] is the key column, a constant of this migration; transition tables are visible to EXECUTE
    if TG_OP = 'DELETE' then
        execute format('insert into backup_change (xid, table_name, row_key) select pg_current_xact_id(), %L, %I::text from changed_old',
                       TG_TABLE_NAME, TG_ARGV[0]);
    else
        execute format('insert into backup_change (xid, table_name, row_key) select pg_current_xact_id(), %L, %I::text from changed_new',
                       TG_TABLE_NAME, TG_ARGV[0]);
    end if;
    return null;
end
$$;

do $$
declare
    logged record;
begin
    for logged in select * from (values
            ('customer', 'id'), ('ticket', 'id'), ('ticket_comment', 'id'), ('app_user', 'id'),
            ('classification_entry', 'field_key'), ('visibility_rule', 'rule_key'), ('policy_change', 'id'),
            ('transfer_rule', 'id'), ('access_grant', 'id'), ('access_override', 'id'), ('notification', 'id'),
            ('alert', 'id'), ('retention_policy', 'id'), ('legal_hold', 'id'), ('privacy_request', 'id'))
            as t (table_name, key_column) loop
        execute format('create trigger backup_change_ins after insert on %I referencing new table as changed_new '
                       'for each statement execute function backup_log_changes(%L)', logged.table_name, logged.key_column);
        execute format('create trigger backup_change_upd after update on %I referencing new table as changed_new '
                       'for each statement execute function backup_log_changes(%L)', logged.table_name, logged.key_column);
        execute format('create trigger backup_change_del after delete on %I referencing old table as changed_old '
                       'for each statement execute function backup_log_changes(%L)', logged.table_name, logged.key_column);
    end loop;
end
$$;
