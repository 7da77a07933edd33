-- Data subject requests (GDPR Art. 15 to 18 and 20): the register a privacy officer works from, with due dates.
-- Every customer record found for the subject (the same person may be stored twice) is a privacy_request_subject
-- row; no foreign key, so the register outlives an erased or deleted record.
create sequence privacy_request_seq start with 50 increment by 50;

create table privacy_request (
    id               bigint primary key,
    request_type     varchar(16)  not null,
    status           varchar(20)  not null,
    subject_email    varchar(254),
    subject_phone    varchar(32),
    received_at      timestamp with time zone not null,
    due_at           timestamp with time zone not null,
    extension_reason varchar(1000),
    identity_method  varchar(500),
    verified_by      varchar(64),
    verified_at      timestamp with time zone,
    assignee         varchar(64),
    blocking_hold_id bigint,
    outcome          varchar(2000),
    created_by       varchar(64)  not null,
    updated_at       timestamp with time zone not null,
    version          bigint       not null,
    constraint privacy_request_type_known check (request_type in
        ('ACCESS', 'PORTABILITY', 'RECTIFICATION', 'ERASURE', 'RESTRICTION')),
    constraint privacy_request_status_known check (status in
        ('RECEIVED', 'VERIFIED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'BLOCKED_BY_HOLD'))
);
create index privacy_request_due_idx on privacy_request (status, due_at);

create table privacy_request_subject (
    request_id  bigint not null references privacy_request (id),
    customer_id bigint not null,
    primary key (request_id, customer_id)
);
