-- Monitoring dedup and mail leftovers (#24).
-- One row per ticket that monitoring events (or the desk's own incidents) made: its fingerprint and how often the
-- event came while the ticket was open. The open_incident row of the fingerprint ("monitoring|<fingerprint>") keeps
-- two nodes from opening two tickets for one alert; this row is what the ticket shows ("occurrences").
create table ticket_occurrence (
    ticket_id    bigint primary key references ticket (id) on delete cascade,
    fingerprint  char(64)     not null,
    source       varchar(64)  not null,
    host         varchar(200) not null default '',
    check_name   varchar(200) not null default '',
    occurrences  integer      not null,
    first_seen   timestamp with time zone not null,
    last_seen    timestamp with time zone not null,
    recovered_at timestamp with time zone
);
create index ticket_occurrence_fingerprint_idx on ticket_occurrence (fingerprint);

-- The give-up counter of mail intake: a mail whose intake failed is counted here (outside the failed transaction);
-- after custodian.mail.intake-attempts failures it is held with the reason instead of being tried at every poll.
create table mail_intake_failure (
    message_id      varchar(998) primary key,
    mailbox         varchar(64)  not null,
    attempts        integer      not null,
    last_error      varchar(300) not null,
    first_failed_at timestamp with time zone not null,
    last_failed_at  timestamp with time zone not null
);

-- Lineage of a privacy request an agent made from a ticket (and the mail that asked): where the request came from.
alter table privacy_request add column source_ticket_id bigint references ticket (id) on delete set null;
alter table privacy_request add column source_mail_id bigint references mail_message (id) on delete set null;
