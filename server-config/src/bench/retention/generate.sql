-- Generates the retention benchmark's data set: :n closed tickets resolved 400 days ago, half in category
-- BENCH_ANON (a policy anonymizes them), half in BENCH_DEL (a policy deletes them), every other ticket with one
-- comment, 1,000 customers; customer 9000001 is under a legal hold (its 1/1000 of the tickets must survive).
-- Ids start at 9,000,000 so they never meet the application's sequences. A copy of the tickets and comments is
-- kept in bench_ticket / bench_comment so that each run starts from the same data (see reset.sql).
\set ON_ERROR_STOP on
set client_min_messages = warning;
insert into customer (id, name, region, created_at)
select 9000000 + c, 'Bench Customer ' || c, 'EU', now() - interval '800 days'
from generate_series(1, 1000) as c;

insert into ticket (id, subject, description, status, priority, category, region, customer_id, created_at,
                    updated_at, resolved_at, version, subject_masked, description_masked)
select 9000000 + t,
       'Printer on floor ' || (t % 9) || ' jams',
       'Customer bench' || t || '@example.com called from +49 30 ' || lpad((t % 10000000)::text, 7, '0'),
       'CLOSED', 'NORMAL',
       case when t % 2 = 0 then 'BENCH_ANON' else 'BENCH_DEL' end,
       'EU', 9000001 + (t % 1000), now() - interval '420 days', now() - interval '400 days',
       now() - interval '400 days', 0,
       'Printer on floor ' || (t % 9) || ' jams', 'Customer b***@example.com called from +** ** *******'
from generate_series(1, :n) as t;

insert into ticket_comment (id, ticket_id, body, visibility, author, created_at, body_masked)
select 9000000 + t, 9000000 + t, 'Called back on +49 30 ' || lpad((t % 10000000)::text, 7, '0'), 'INTERNAL',
       'agent.eu', now() - interval '401 days', 'Called back on +** ** *******'
from generate_series(2, :n, 2) as t;

drop table if exists bench_ticket;
drop table if exists bench_comment;
create table bench_ticket as select * from ticket where id > 9000000;
create table bench_comment as select * from ticket_comment where id > 9000000;
analyze ticket;
analyze ticket_comment;
