-- #25 the remaining GDPR obligations with deadlines: objections (Art. 21) and stored DPIAs (Art. 35).

-- An OBJECTION request names the consent purposes it objects to (comma-separated ConsentPurpose names).
alter table privacy_request drop constraint privacy_request_type_known;
alter table privacy_request add constraint privacy_request_type_known check (request_type in
    ('ACCESS', 'PORTABILITY', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION'));
alter table privacy_request add column purposes varchar(200);

-- One row per subject record and purpose an objection stopped: while it stands, the purpose is refused for the
-- record (a consent given later is refused too). Kept live by a live restore, like consent records, so a restore
-- never brings processing back; no foreign keys for the same reason.
create sequence processing_objection_seq start with 50 increment by 50;
create table processing_objection (
    id          bigint primary key,
    request_id  bigint      not null,
    customer_id bigint      not null,
    purpose     varchar(32) not null,
    objected_at timestamp with time zone not null,
    objected_by varchar(64) not null,
    constraint processing_objection_purpose_known check (purpose in ('CHAT_TRANSCRIPT_STORAGE', 'QA_REVIEW',
        'AI_ROUTING')),
    constraint processing_objection_once unique (customer_id, purpose)
);

-- A data protection impact assessment: the assessment itself (its current version) and every version written,
-- never changed except by the privacy officer's sign-off of that version; older versions stay readable.
create sequence dpia_seq start with 50 increment by 50;
create sequence dpia_version_seq start with 50 increment by 50;
create table dpia (
    id              bigint primary key,
    current_version bigint       not null,
    created_by      varchar(64)  not null,
    created_at      timestamp with time zone not null
);

create table dpia_version (
    id              bigint primary key,
    dpia_id         bigint        not null references dpia (id),
    version         bigint        not null,
    title           varchar(200)  not null,
    processing      varchar(4000) not null,
    purposes        varchar(2000) not null,
    residual_risk   varchar(8)    not null,
    residual_reason varchar(2000) not null,
    review_date     date          not null,
    reason          varchar(1000) not null,
    written_by      varchar(64)   not null,
    written_at      timestamp with time zone not null,
    signed_off_by   varchar(64),
    signed_off_at   timestamp with time zone,
    sign_off_note   varchar(1000),
    constraint dpia_version_once unique (dpia_id, version),
    constraint dpia_residual_known check (residual_risk in ('LOW', 'MEDIUM', 'HIGH')),
    constraint dpia_signed_whole check ((signed_off_by is null) = (signed_off_at is null)),
    -- four eyes: whoever wrote a version does not sign it off
    constraint dpia_four_eyes check (signed_off_by is null or signed_off_by <> written_by)
);

create table dpia_risk (
    version_id  bigint        not null references dpia_version (id),
    position    integer       not null,
    description varchar(1000) not null,
    likelihood  varchar(8)    not null,
    severity    varchar(8)    not null,
    measures    varchar(2000) not null,
    primary key (version_id, position),
    constraint dpia_risk_levels_known check (likelihood in ('LOW', 'MEDIUM', 'HIGH')
        and severity in ('LOW', 'MEDIUM', 'HIGH'))
);
