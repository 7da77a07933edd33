-- Puts the generated tickets back as generate.sql made them (the audit trail keeps growing: it is append-only).
-- Vacuumed between the steps: a million dead ticket versions make the comments' foreign-key checks crawl.
\set ON_ERROR_STOP on
delete from ticket_comment where ticket_id > 9000000;
delete from ticket where id > 9000000;
vacuum analyze ticket;
vacuum analyze ticket_comment;
insert into ticket select * from bench_ticket;
vacuum analyze ticket;
insert into ticket_comment select * from bench_comment;
vacuum analyze ticket_comment;
