-- The customer directory (#23): look-ups by name, e-mail or phone, and optimistic versions for changes.
-- Customer values are stored in clear (the masked forms are computed on output), so exact look-ups run on
-- expression indexes over the normalised clear values: a keyed-hash column next to the clear value would protect
-- nothing and would have to be kept in step by every writer (erasure, rectification, restore, merge). The phone
-- form is its digits alone (spaces, dashes, dots, brackets and a leading + ignored), as Customer.phoneDigits.

create function customer_phone_digits(phone varchar) returns varchar
    language sql immutable strict parallel safe
    as $$ select regexp_replace(phone, '[^0-9]', '', 'g') $$;

create index customer_email_lookup_idx on customer (lower(email));
create index customer_phone_lookup_idx on customer (customer_phone_digits(phone));
create index customer_name_lookup_idx on customer (lower(name));

-- a change made from a page read earlier is refused (412) when someone changed the record since
alter table customer add column version bigint not null default 0;
