-- #27: search at a million tickets. Substring search (q of 3 or more characters) on trigram GIN indexes over
-- exactly the expressions the queries compare: lower(...) of every stored form a caller may search (the text as
-- stored and its masked copy). pg_trgm is a trusted extension since PostgreSQL 13: the database's owner creates
-- it without superuser rights (deploy.md asks for a user that owns the database). It lives in a schema of its own,
-- named in full below: a restore replays these scripts with search_path set to its restore schema alone (#21), where
-- an operator class in public would not be found.
create schema if not exists extensions;
create extension if not exists pg_trgm schema extensions;

create index ticket_subject_trgm on ticket using gin (lower(subject) extensions.gin_trgm_ops);
create index ticket_subject_masked_trgm on ticket using gin (lower(subject_masked) extensions.gin_trgm_ops);
create index ticket_description_trgm on ticket using gin (lower(description) extensions.gin_trgm_ops);
create index ticket_description_masked_trgm on ticket using gin (lower(description_masked) extensions.gin_trgm_ops);
-- comments by visibility: a search that may not see INTERNAL comments never reads their index entries
create index ticket_comment_public_body_trgm on ticket_comment using gin (lower(body) extensions.gin_trgm_ops)
    where visibility = 'PUBLIC';
create index ticket_comment_public_body_masked_trgm on ticket_comment using gin (lower(body_masked) extensions.gin_trgm_ops)
    where visibility = 'PUBLIC';
create index ticket_comment_internal_body_trgm on ticket_comment using gin (lower(body) extensions.gin_trgm_ops)
    where visibility = 'INTERNAL';
create index ticket_comment_internal_body_masked_trgm on ticket_comment using gin (lower(body_masked) extensions.gin_trgm_ops)
    where visibility = 'INTERNAL';

-- the directory (#13): fragments of names, addresses and phone digits for callers who see them in full (whole
-- values for masked callers keep using the V64 b-tree expression indexes)
create index customer_name_trgm on customer using gin (lower(name) extensions.gin_trgm_ops);
create index customer_email_trgm on customer using gin (lower(email) extensions.gin_trgm_ops);
create index customer_phone_digits_trgm on customer using gin (customer_phone_digits(phone) extensions.gin_trgm_ops);

-- Every searchable text of a ticket as one row per stored form, so that a search finds the tickets with a hit in
-- any of the forms it may use through one semi-join (each branch of the UNION ALL runs on its own index; a
-- condition on source removes the branches a caller may not search).
create view ticket_search_text as
    select cast('SUBJECT' as varchar(32)) as source, t.id as ticket_id, lower(t.subject) as text,
           't' || t.id as row_key
      from ticket t
    union all
    select 'SUBJECT_MASKED', t.id, lower(t.subject_masked), 'tm' || t.id from ticket t
    union all
    select 'DESCRIPTION', t.id, lower(t.description), 'd' || t.id from ticket t
    union all
    select 'DESCRIPTION_MASKED', t.id, lower(t.description_masked), 'dm' || t.id from ticket t
    union all
    select 'COMMENT', c.ticket_id, lower(c.body), 'c' || c.id from ticket_comment c where c.visibility = 'PUBLIC'
    union all
    select 'COMMENT_MASKED', c.ticket_id, lower(c.body_masked), 'cm' || c.id
      from ticket_comment c where c.visibility = 'PUBLIC'
    union all
    select 'INTERNAL_COMMENT', c.ticket_id, lower(c.body), 'i' || c.id
      from ticket_comment c where c.visibility = 'INTERNAL'
    union all
    select 'INTERNAL_COMMENT_MASKED', c.ticket_id, lower(c.body_masked), 'im' || c.id
      from ticket_comment c where c.visibility = 'INTERNAL';
