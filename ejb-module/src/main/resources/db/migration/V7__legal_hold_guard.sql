-- One row that orders legal-hold placement against the purges that must respect it: placing a hold and a purge
-- chunk both lock it, so a hold committed while a chunk runs is seen by the next chunk, never missed by both.
create table legal_hold_guard (
    id integer primary key
);
insert into legal_hold_guard (id) values (1);
