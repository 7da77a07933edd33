-- Retention policies, legal holds, and the mark an anonymized ticket keeps.
create sequence retention_policy_seq start with 50 increment by 50;
create sequence legal_hold_seq start with 50 increment by 50;

alter table ticket add column anonymized_at timestamp with time zone;

create table retention_policy (
    id              bigint primary key,
    name            varchar(100) not null,
    categories      varchar(1000) not null,
    regions         varchar(100) not null,
    retention_clock varchar(24) not null,
    days            integer not null,
    action          varchar(16) not null,
    active          boolean not null,
    version         bigint not null,
    reason          varchar(1000) not null,
    changed_by      varchar(64) not null,
    changed_at      timestamp with time zone not null,
    constraint retention_clock_known check (retention_clock in ('AFTER_CLOSURE', 'AFTER_LAST_ACTIVITY')),
    constraint retention_action_known check (action in ('ANONYMIZE', 'DELETE')),
    constraint retention_days_range check (days between 1 and 36500)
);

create table legal_hold (
    id                 bigint primary key,
    scope              varchar(16) not null,
    customer_id        bigint,
    ticket_id          bigint,
    query_categories   varchar(1000),
    query_regions      varchar(100),
    query_created_from timestamp with time zone,
    query_created_to   timestamp with time zone,
    reason             varchar(1000) not null,
    authority          varchar(200) not null,
    created_by         varchar(64) not null,
    created_at         timestamp with time zone not null,
    released_by        varchar(64),
    released_at        timestamp with time zone,
    release_reason     varchar(1000),
    constraint legal_hold_scope_known check (scope in ('CUSTOMER', 'TICKET', 'QUERY'))
);
