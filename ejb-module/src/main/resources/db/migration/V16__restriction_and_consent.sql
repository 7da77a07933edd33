-- Restriction of processing (GDPR Art. 18): while a restriction of a customer record is active (lifted_at null),
-- its data stays stored but only privacy officers see it; agents, searches, exports and automated processing
-- (retention) leave it alone. Kept live by a live restore, like the erasure ledger, so a restore never lifts one.
create sequence processing_restriction_seq start with 50 increment by 50;

create table processing_restriction (
    id            bigint primary key,
    request_id    bigint       not null,
    customer_id   bigint       not null,
    restricted_at timestamp with time zone not null,
    restricted_by varchar(64)  not null,
    lifted_at     timestamp with time zone,
    lifted_by     varchar(64),
    lift_reason   varchar(1000)
);
create index processing_restriction_customer_idx on processing_restriction (customer_id, lifted_at);

-- Consent (Art. 6(1)(a) and 7): every statement a subject made about a purpose, never updated, so the history
-- shows what was in force when. The newest record per customer and purpose is the current state. Kept live by a
-- live restore (a withdrawal must not come undone), hence no foreign key: a record may outlive a restored-away
-- customer row.
create sequence consent_record_seq start with 50 increment by 50;

create table consent_record (
    id           bigint primary key,
    customer_id  bigint       not null,
    purpose      varchar(32)  not null,
    given        boolean      not null,
    recorded_at  timestamp with time zone not null,
    source       varchar(200) not null,
    text_version varchar(64)  not null,
    recorded_by  varchar(64)  not null,
    constraint consent_purpose_known check (purpose in ('CHAT_TRANSCRIPT_STORAGE', 'QA_REVIEW', 'AI_ROUTING'))
);
create index consent_record_customer_idx on consent_record (customer_id, purpose, recorded_at);

-- Where a comment came from; chat transcripts (CHAT) are stored only while the customer's consent to
-- CHAT_TRANSCRIPT_STORAGE is in force.
alter table ticket_comment add column channel varchar(16) default 'AGENT' not null;
alter table ticket_comment add constraint comment_channel_known check (channel in ('AGENT', 'EMAIL', 'PHONE', 'CHAT'));
