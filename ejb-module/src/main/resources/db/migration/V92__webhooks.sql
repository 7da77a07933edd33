-- Webhooks (#24): an integration's service account subscribes a URL to events; the signing secret is sealed
-- (AES-256-GCM under custodian.webhook.secret-key), never stored in clear.
create sequence webhook_seq start with 50 increment by 50;

create table webhook (
    id                bigint primary key,
    account           varchar(64)   not null,
    url               varchar(2000) not null,
    events            varchar(500)  not null,
    filter_categories varchar(1000),
    filter_regions    varchar(200),
    filter_priorities varchar(200),
    secret_sealed     varchar(200)  not null,
    state             varchar(16)   not null,
    created_at        timestamp with time zone not null,
    created_by        varchar(200)  not null,
    updated_at        timestamp with time zone not null,
    version           bigint        not null default 0,
    constraint webhook_state check (state in ('ACTIVE', 'PAUSED'))
);
create index webhook_account_idx on webhook (account);

-- The webhook outbox: a row per subscribed webhook, written in the transaction of the change it reports, sent
-- after commit by a timer (retries with backoff; DEAD after the last attempt). message_id is the webhook-id
-- header, the same on every retry and replay. Rows of one resource go out in id order: a later one waits while an
-- earlier one of the same resource is PENDING.
create sequence webhook_delivery_seq start with 50 increment by 50;

create table webhook_delivery (
    id              bigint primary key,
    webhook_id      bigint       not null references webhook (id) on delete cascade,
    message_id      varchar(64)  not null,
    event_type      varchar(64)  not null,
    resource_type   varchar(16)  not null,
    resource_id     bigint       not null,
    comment_id      bigint,
    occurred_at     timestamp with time zone not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    last_status     integer,
    delivered_at    timestamp with time zone,
    dead_at         timestamp with time zone,
    version         bigint       not null default 0,
    constraint webhook_delivery_once unique (message_id),
    constraint webhook_delivery_status check (status in ('PENDING', 'DELIVERED', 'DEAD', 'SKIPPED'))
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_resource_idx on webhook_delivery (webhook_id, resource_type, resource_id, id)
    where status = 'PENDING';
create index webhook_delivery_dead_idx on webhook_delivery (webhook_id) where status = 'DEAD';
