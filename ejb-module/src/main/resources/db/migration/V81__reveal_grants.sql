-- #23 reveal one field, with a reason: what one user revealed of one record, why, and until when. The one policy
-- path that masks fields (Shown) reads the caller's grants in force and shows those fields in full to them alone.
-- A grant on a ticket covers its ticket.* fields (ticket_id) and its customer's customer.* fields (customer_id);
-- a grant on a customer covers customer.* fields only. The reason is kept with detected PII masked (an erasure of
-- the customer blanks it). No foreign keys: a grant outlives nothing, and retention may delete its ticket.
create sequence reveal_grant_seq start with 50 increment by 50;

create table reveal_grant (
    id          bigint primary key,
    username    varchar(64) not null,
    ticket_id   bigint,
    customer_id bigint not null,
    fields      varchar(400) not null,
    reason      varchar(1000) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    constraint reveal_grant_period check (expires_at > created_at),
    constraint reveal_grant_fields_named check (length(fields) > 0)
);
-- the grants in force for one user, read at the start of each of their requests
create index reveal_grant_user_idx on reveal_grant (username, expires_at);
create index reveal_grant_customer_idx on reveal_grant (customer_id);
create index reveal_grant_ticket_idx on reveal_grant (ticket_id);
