-- #27: the version of what every request's access context is built from (the classification catalog, the visibility
-- matrix, the transfer rules and the active processing restrictions). Each node keeps that context in memory and
-- reads this one row per request: the same value means nothing changed, on any node. The triggers change it in the
-- writer's transaction, so no code path can forget it. The value is random, never a counter: a rolled-back change
-- never hands its value to another state, and a restored backup brings the value that belongs to its rows.
create table policy_context_version (
    id      smallint primary key check (id = 1),
    version uuid not null
);
insert into policy_context_version (id, version) values (1, gen_random_uuid());

create function policy_context_changed() returns trigger language plpgsql as $$
begin
    update policy_context_version set version = gen_random_uuid() where id = 1;
    return null;
end $$;

create trigger policy_context_classification after insert or update or delete or truncate on classification_entry
    for each statement execute function policy_context_changed();
create trigger policy_context_visibility after insert or update or delete or truncate on visibility_rule
    for each statement execute function policy_context_changed();
create trigger policy_context_transfer after insert or update or delete or truncate on transfer_rule
    for each statement execute function policy_context_changed();
create trigger policy_context_restriction after insert or update or delete or truncate on processing_restriction
    for each statement execute function policy_context_changed();
