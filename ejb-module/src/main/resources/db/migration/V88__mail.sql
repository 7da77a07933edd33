-- Mail in and out (#24, first slice). Every mail read from a configured mailbox is one row of mail_message, kept
-- whatever became of it (a ticket, a comment on a ticket, held for an agent, ignored as noise, a bounce): the unique
-- Message-ID makes a re-poll harmless, and the row is the lineage of what the mail made (ticket, comment, customer).
-- raw_sha256 and raw_size identify the original RFC 822 bytes for the attachment slice, which will keep the bytes
-- themselves (encrypted); until then they are not stored.
create sequence mail_message_seq start with 50 increment by 50;

create table mail_message (
    id               bigint primary key,
    mailbox          varchar(64)   not null,
    message_id       varchar(998)  not null,
    raw_sha256       char(64)      not null,
    raw_size         integer       not null,
    from_address     varchar(254),
    from_name        varchar(200),
    -- trimmed, lower case: what the per-sender rate limit and the customer look-up compare
    from_key         varchar(254),
    -- subject and text (already redacted) are kept only while the mail is HELD, for the agent who decides
    subject          varchar(200),
    body             text,
    in_reply_to      varchar(998),
    reference_ids    text,
    authentication   varchar(8)    not null,
    status           varchar(16)   not null,
    reason           varchar(300),
    received_at      timestamp with time zone not null,
    decided_at       timestamp with time zone,
    decided_by       varchar(64),
    ticket_id        bigint references ticket (id) on delete cascade,
    comment_id       bigint references ticket_comment (id) on delete cascade,
    customer_id      bigint references customer (id) on delete set null,
    customer_created boolean       not null default false,
    redacted_types   varchar(64),
    version          bigint        not null default 0,
    constraint mail_message_once unique (message_id),
    constraint mail_message_status check (status in ('TICKET', 'COMMENT', 'HELD', 'DISCARDED', 'IGNORED',
        'RATE_LIMITED', 'BOUNCE')),
    constraint mail_message_authentication check (authentication in ('PASS', 'FAIL', 'NONE'))
);
create index mail_message_sender_idx on mail_message (from_key, received_at);
create index mail_message_ticket_idx on mail_message (ticket_id, received_at);
create index mail_message_held_idx on mail_message (received_at) where status = 'HELD';

-- The outbox of customer mail: a row is written in the transaction of the public comment it carries and sent
-- after commit by a timer (retries with backoff; FAILED after the last attempt). The Message-ID is made when the
-- row is written, so a retry sends the same message and a reply threads by it.
create sequence mail_outbox_seq start with 50 increment by 50;

create table mail_outbox (
    id              bigint primary key,
    ticket_id       bigint        not null references ticket (id) on delete cascade,
    comment_id      bigint        not null references ticket_comment (id) on delete cascade,
    message_id      varchar(998)  not null,
    in_reply_to     varchar(998),
    reference_ids   text,
    language        varchar(8)    not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    version         bigint        not null default 0,
    constraint mail_outbox_once unique (message_id),
    constraint mail_outbox_status check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED'))
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_ticket_idx on mail_outbox (ticket_id);

-- Bounces are recorded on the customer (when the last one came back) and in the audit trail; the bounce itself is
-- a mail_message row with status BOUNCE.
alter table customer add column mail_bounced_at timestamp with time zone;
