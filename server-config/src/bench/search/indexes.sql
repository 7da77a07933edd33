-- The V112 trigram indexes, as the migration creates them: run.sh drops them to seed and to measure without them.
create index if not exists ticket_subject_trgm on ticket using gin (lower(subject) gin_trgm_ops);
create index if not exists ticket_subject_masked_trgm on ticket using gin (lower(subject_masked) gin_trgm_ops);
create index if not exists ticket_description_trgm on ticket using gin (lower(description) gin_trgm_ops);
create index if not exists ticket_description_masked_trgm on ticket using gin (lower(description_masked) gin_trgm_ops);
create index if not exists ticket_comment_public_body_trgm on ticket_comment using gin (lower(body) gin_trgm_ops)
    where visibility = 'PUBLIC';
create index if not exists ticket_comment_public_body_masked_trgm on ticket_comment using gin (lower(body_masked) gin_trgm_ops)
    where visibility = 'PUBLIC';
create index if not exists ticket_comment_internal_body_trgm on ticket_comment using gin (lower(body) gin_trgm_ops)
    where visibility = 'INTERNAL';
create index if not exists ticket_comment_internal_body_masked_trgm on ticket_comment using gin (lower(body_masked) gin_trgm_ops)
    where visibility = 'INTERNAL';
create index if not exists customer_name_trgm on customer using gin (lower(name) gin_trgm_ops);
create index if not exists customer_email_trgm on customer using gin (lower(email) gin_trgm_ops);
create index if not exists customer_phone_digits_trgm on customer using gin (customer_phone_digits(phone) gin_trgm_ops);
