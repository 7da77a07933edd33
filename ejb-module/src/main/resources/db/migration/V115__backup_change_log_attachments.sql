-- #24: incremental backups take attachments by the change log instead of copying them whole. Before, attachment
-- and attachment_chunk had no change-log triggers (attachment_chunk has a composite key), so every incremental set
-- copied every chunk of every attachment, however few changed. attachment is logged by its id; attachment_chunk by
-- its attachment_id: an incremental lists the attachments whose chunks were written or removed (also by a cascade
-- from a deleted attachment or ticket) and carries all current chunks of exactly those; a restore removes the
-- chunks of the listed attachments and loads them (docs/backup-format.md). An incremental on a base taken before
-- this migration is refused (the schema changed), so no change made before these triggers existed is missed.
create trigger backup_change_ins after insert on attachment referencing new table as changed_new
    for each statement execute function backup_log_changes('id');
create trigger backup_change_upd after update on attachment referencing new table as changed_new
    for each statement execute function backup_log_changes('id');
create trigger backup_change_del after delete on attachment referencing old table as changed_old
    for each statement execute function backup_log_changes('id');

create trigger backup_change_ins after insert on attachment_chunk referencing new table as changed_new
    for each statement execute function backup_log_changes('attachment_id');
create trigger backup_change_upd after update on attachment_chunk referencing new table as changed_new
    for each statement execute function backup_log_changes('attachment_id');
create trigger backup_change_del after delete on attachment_chunk referencing old table as changed_old
    for each statement execute function backup_log_changes('attachment_id');
