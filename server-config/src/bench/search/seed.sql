-- Seeds the search benchmark (#27): :customers customers, :tickets tickets and two comments per ticket (one PUBLIC,
-- one INTERNAL), ids from 10,000,001 so they never meet the application's sequences. The texts are made of 8,000
-- generated words drawn log-uniformly (word k about 1/k as often as word 1: a few very common words, a long tail),
-- assembled from 100,000 sentences; every description carries an order number ORD-nnnnnnn of its own. No text
-- holds personal data, so the masked copies equal the texts (searching them costs what searching the masked copy
-- of real tickets costs). Run with the V112 trigram indexes dropped; run.sh builds them afterwards.
\set ON_ERROR_STOP on
set client_min_messages = warning;

drop table if exists bench_word, bench_sentence;
create table bench_word as
select k as rank,
       (array['ka','lo','mi','nu','pe','ra','si','to','va','ze','bri','cle','dro','fla','gra','ple','sto','tri','vel','wun'])[1 + k % 20]
       || (array['ber','cin','dal','fen','gor','hul','jen','kor','lim','mot','nar','pol','qua','ris','sam','tev','ulm','vor','wix','yat'])[1 + (k / 20) % 20]
       || (array['a','e','o','us','in','er','an','ix','um','et','on','is','ar','ol','ex','ur','al','em','ir','ut'])[1 + (k / 400) % 20] as word
from generate_series(1, 8000) as k;
create unique index on bench_word (rank);

create table bench_sentence as
with vocabulary as (select array_agg(word order by rank) as words from bench_word)
select s as id,
       (select string_agg(v.words[least(8000, greatest(1, floor(exp(random() * ln(8000)))::int + i * 0))], ' ')
          from generate_series(1, 8) as i) as text
from generate_series(1, 100000) as s, vocabulary v;
create unique index on bench_sentence (id);

insert into customer (id, name, email, phone, region, created_at)
select 10000000 + c,
       (array['Anna','Ben','Clara','David','Eva','Felix','Greta','Hans','Ines','Jonas','Karin','Lukas','Mia','Noah'])[1 + c % 14]
       || ' ' || (array['Weber','Muller','Schmidt','Fischer','Meyer','Wagner','Becker','Hoffmann','Koch','Richter'])[1 + (c / 14) % 10]
       || ' ' || c,
       'customer' || c || '@example' || (c % 97) || '.com',
       '+49 30 ' || lpad(c::text, 7, '0'),
       (array['EU','EU','US','APAC'])[1 + c % 4],
       now() - interval '900 days'
from generate_series(1, :customers) as c;

insert into ticket (id, subject, description, status, priority, category, region, customer_id, created_at,
                    updated_at, resolved_at, version, subject_masked, description_masked)
select 10000000 + t, s.subject, s.description,
       case when t % 10 = 0 then 'OPEN' else 'CLOSED' end, 'NORMAL',
       (array['ACCOUNT','BILLING','HARDWARE','NETWORK','SOFTWARE','SOFTWARE','HARDWARE','SECURITY'])[1 + t % 8],
       (array['EU','EU','US','APAC'])[1 + (1 + t % :customers) % 4],
       10000001 + (t % :customers),
       now() - (t % 700) * interval '1 day' - (t % 86400) * interval '1 second',
       now() - (t % 700) * interval '1 day',
       case when t % 10 = 0 then null else now() - (t % 700) * interval '1 day' end,
       0, s.subject, s.description
from generate_series(1, :tickets) as t
cross join lateral (
    select left(a.text, 120) as subject,
           b.text || '. ' || c.text || '. Order ORD-' || lpad((t::bigint * 7919 % 10000000)::text, 7, '0') || '.'
             as description
    from bench_sentence a, bench_sentence b, bench_sentence c
    where a.id = 1 + (t * 31) % 100000 and b.id = 1 + (t * 17 + 7) % 100000 and c.id = 1 + (t * 13 + 3) % 100000
) as s;

insert into ticket_comment (id, ticket_id, body, visibility, author, created_at, body_masked)
select 10000000 + n, 10000001 + (n - 1) / 2, s.text,
       case when n % 2 = 0 then 'INTERNAL' else 'PUBLIC' end, 'agent.eu',
       now() - ((n / 2) % 700) * interval '1 day', s.text
from generate_series(1, 2 * :tickets) as n
join bench_sentence s on s.id = 1 + (n * 37 + 11) % 100000;

create sequence if not exists bench_write_seq start with 30000001;
