-- #27: a ticket read asked ticket_occurrence on every read although only tickets that monitoring events made have a
-- row there. The ticket now says so itself (set in the same statement that makes the row, never unset: the row goes
-- only with its ticket), so an ordinary ticket's read is one round trip fewer.
alter table ticket add column has_occurrences boolean not null default false;
update ticket set has_occurrences = true where id in (select ticket_id from ticket_occurrence);
