-- pgbench script: one ticket and one comment as the application writes them (texts and masked copies), ids from
-- a sequence of the benchmark's own: the cost of the rows and their index entries without the application.
-- pgbench -D customers=N: the seeded customers (N/5 of the tickets).
\set s1 random(1, 100000)
\set s2 random(1, 100000)
\set c random(1, :customers)
insert into ticket (id, subject, description, status, priority, category, region, customer_id, created_at,
                    updated_at, version, subject_masked, description_masked)
select nextval('bench_write_seq'), left(a.text, 120), b.text || '. ' || a.text, 'OPEN', 'NORMAL', 'HARDWARE', 'EU',
       10000000 + :c, now(), now(), 0, left(a.text, 120), b.text || '. ' || a.text
from bench_sentence a, bench_sentence b where a.id = :s1 and b.id = :s2
returning id as tid \gset
insert into ticket_comment (id, ticket_id, body, visibility, author, created_at, body_masked)
select nextval('bench_write_seq'), :tid, a.text, 'PUBLIC', 'agent.eu', now(), a.text
from bench_sentence a where a.id = :s2;
