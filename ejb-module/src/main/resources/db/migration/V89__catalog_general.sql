-- Mail intake opens its tickets in the mailbox's category, GENERAL by default (#24); tickets are validated against
-- the master lists (V70), so the default has to be an active entry there. Owner left open as for the entries taken
-- over from tickets; a supervisor sets one when editing it.
insert into catalog_entry (id, kind, code, name, created_at, changed_at)
select nextval('catalog_entry_seq'), 'CATEGORY', 'GENERAL', 'General enquiry', now(), now()
where not exists (select 1 from catalog_entry where kind = 'CATEGORY' and code = 'GENERAL');
