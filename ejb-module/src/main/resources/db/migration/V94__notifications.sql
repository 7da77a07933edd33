-- Notifications of staff (#24): who wants which event in the in-app list and by mail, and the outbox of
-- notification mail (the pattern of mail_outbox and SIEM delivery: written with the change, sent after commit,
-- retried with backoff). A mail row holds no text: it is rendered when sent, from the ticket as the recipient's
-- policy view then shows it.

create table notification_preference (
    username         varchar(64) primary key,
    assigned_in_app  boolean not null,
    assigned_mail    boolean not null,
    reply_in_app     boolean not null,
    reply_mail       boolean not null,
    mention_in_app   boolean not null,
    mention_mail     boolean not null,
    changed_at       timestamp with time zone not null
);

create sequence notification_mail_seq start with 50 increment by 50;

create table notification_mail (
    id              bigint primary key,
    recipient       varchar(64)   not null,
    event_kind      varchar(32)   not null,
    ticket_id       bigint        not null references ticket (id) on delete cascade,
    actor           varchar(128),
    team_key        varchar(40),
    message_id      varchar(998)  not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    version         bigint        not null default 0
);
create index notification_mail_due_idx on notification_mail (next_attempt_at) where status = 'PENDING';
create index notification_mail_ticket_idx on notification_mail (ticket_id);
