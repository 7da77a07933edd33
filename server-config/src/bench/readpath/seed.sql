-- The read-path bench's data (#27): :n open EU tickets of 10,000 customers, ids from 10,000,001 so that they never
-- meet the application's sequences; subjects and descriptions with personal data in the stored masked copies, as
-- ingest leaves them. An agent of the EU (agent.eu) may read all of them, masked where the policy says.
\set ON_ERROR_STOP on
set client_min_messages = warning;
insert into customer (id, name, email, phone, region, created_at)
select 10000000 + c, 'Read Bench Customer ' || c, 'reader' || c || '@example.com', '+49 30 ' || lpad(c::text, 7, '0'),
       'EU', now() - interval '800 days'
from generate_series(1, 10000) as c;

insert into ticket (id, subject, description, status, priority, category, region, customer_id, created_at,
                    updated_at, version, subject_masked, description_masked)
select 10000000 + t,
       'Printer on floor ' || (t % 9) || ' jams',
       'Customer called from +49 30 ' || lpad((t % 10000000)::text, 7, '0') || ' about the printer on floor '
           || (t % 9) || '; paper tray two jams after ten pages.',
       case when t % 3 = 0 then 'IN_PROGRESS' else 'OPEN' end, 'NORMAL',
       case when t % 2 = 0 then 'HARDWARE' else 'SOFTWARE' end,
       'EU', 10000001 + (t % 10000), now() - interval '1 second' * (:n - t), now() - interval '1 second' * (:n - t), 0,
       'Printer on floor ' || (t % 9) || ' jams',
       'Customer called from +** ** ******* about the printer on floor ' || (t % 9) || '; paper tray two jams after'
           || ' ten pages.'
from generate_series(1, :n) as t;
analyze customer;
analyze ticket;
