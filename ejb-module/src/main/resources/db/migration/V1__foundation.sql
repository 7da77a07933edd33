-- Custodian foundation schema (plain SQL that PostgreSQL and H2 both run): customers, tickets, comments, users, sign-in throttling and the
-- hash-chained audit trail. Sequences start at their increment because EclipseLink treats the
-- value it draws as the last id of a preallocated block of 50.

create sequence customer_seq start with 50 increment by 50;
create sequence ticket_seq start with 50 increment by 50;
create sequence comment_seq start with 50 increment by 50;
create sequence app_user_seq start with 50 increment by 50;

create table customer (
    id          bigint primary key,
    external_id varchar(64) unique,
    name        varchar(200) not null,
    email       varchar(254),
    phone       varchar(32),
    region      varchar(8) not null,
    created_at  timestamp with time zone not null
);
create index customer_region_idx on customer (region);

create table ticket (
    id          bigint primary key,
    subject     varchar(200) not null,
    description varchar(20000) not null,
    status      varchar(16) not null,
    priority    varchar(16) not null,
    category    varchar(40) not null,
    product_sku varchar(20),
    site_code   varchar(6),
    region      varchar(8) not null,
    assignee    varchar(64),
    customer_id bigint not null references customer (id),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    resolved_at timestamp with time zone,
    version     bigint not null default 0,
    constraint ticket_status_known check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    constraint ticket_priority_known check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    constraint ticket_resolved_after_created check (resolved_at is null or resolved_at >= created_at)
);
create index ticket_region_created_idx on ticket (region, created_at desc, id desc);
create index ticket_status_idx on ticket (status);
create index ticket_customer_idx on ticket (customer_id);

create table ticket_comment (
    id         bigint primary key,
    ticket_id  bigint not null references ticket (id),
    body       varchar(20000) not null,
    visibility varchar(16) not null,
    author     varchar(64) not null,
    created_at timestamp with time zone not null,
    constraint comment_visibility_known check (visibility in ('PUBLIC', 'INTERNAL'))
);
create index ticket_comment_ticket_idx on ticket_comment (ticket_id, created_at);

create table app_user (
    id            bigint primary key,
    username      varchar(64) not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(512) not null,
    enabled       boolean not null,
    created_at    timestamp with time zone not null
);

create table app_user_role (
    user_id bigint not null references app_user (id),
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table app_user_region (
    user_id bigint not null references app_user (id),
    region  varchar(8) not null,
    primary key (user_id, region)
);

create table login_throttle (
    username         varchar(64) primary key,
    failures         integer not null,
    last_failure_at  timestamp with time zone not null,
    blocked_until    timestamp with time zone
);

create table audit_event (
    sequence       bigint primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(256) not null,
    actor_roles    varchar(256),
    action         varchar(64) not null,
    resource_type  varchar(64),
    resource_id    varchar(2048),
    fields         varchar(1024),
    outcome        varchar(16) not null,
    request_id     varchar(64),
    client_address varchar(64),
    previous_hash  char(64) not null,
    hash           char(64) not null
);
create index audit_event_actor_idx on audit_event (actor, occurred_at);

-- One row orders all appends (locked per append) and records the tip, so truncation is detectable.
create table audit_chain_head (
    id            integer primary key,
    last_sequence bigint not null,
    last_hash     char(64) not null,
    constraint audit_chain_head_single check (id = 1)
);
insert into audit_chain_head (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
