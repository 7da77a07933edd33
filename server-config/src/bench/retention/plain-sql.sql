-- The same purge as the job, as bare SQL in one transaction: anonymize BENCH_ANON, delete BENCH_DEL, except the
-- held customer's tickets; no decisions in Java, no audit events, no checkpoints. The floor the job is compared to.
\set ON_ERROR_STOP on
\timing on
begin;
update ticket_comment set body = '[anonymized]', body_masked = '[anonymized]'
 where ticket_id in (select id from ticket where category = 'BENCH_ANON' and customer_id <> 9000001);
update ticket set subject = '[anonymized]', description = '[anonymized]', subject_masked = '[anonymized]',
       description_masked = '[anonymized]', anonymized_at = now(), version = version + 1
 where category = 'BENCH_ANON' and customer_id <> 9000001 and anonymized_at is null;
delete from ticket_comment
 where ticket_id in (select id from ticket where category = 'BENCH_DEL' and customer_id <> 9000001);
delete from ticket where category = 'BENCH_DEL' and customer_id <> 9000001;
commit;
