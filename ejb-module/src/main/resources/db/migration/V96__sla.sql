-- #25 SLA policies and clocks: business calendars, versioned SLA policies, a ticket's clocks.
create sequence sla_calendar_seq start with 50 increment by 50;
create sequence sla_policy_seq start with 50 increment by 50;
create sequence sla_clock_seq start with 50 increment by 50;

create table sla_calendar (
    id            bigint primary key,
    name          varchar(100) not null,
    region        varchar(8),
    time_zone     varchar(64) not null,
    working_hours varchar(400) not null,
    holidays      varchar(5000) not null,
    version       bigint not null,
    reason        varchar(1000) not null,
    changed_by    varchar(64) not null,
    changed_at    timestamp with time zone not null
);

create table sla_policy (
    id                     bigint primary key,
    name                   varchar(100) not null,
    position               integer not null,
    priorities             varchar(100) not null,
    categories             varchar(1000) not null,
    regions                varchar(100) not null,
    calendar_id            bigint not null references sla_calendar (id),
    first_response_minutes integer not null,
    next_response_minutes  integer,
    resolution_minutes     integer not null,
    active                 boolean not null,
    version                bigint not null,
    reason                 varchar(1000) not null,
    changed_by             varchar(64) not null,
    changed_at             timestamp with time zone not null,
    constraint sla_policy_minutes check (first_response_minutes between 1 and 525600
        and resolution_minutes between 1 and 525600
        and (next_response_minutes is null or next_response_minutes between 1 and 525600))
);

create table ticket_sla (
    ticket_id      bigint primary key references ticket (id) on delete cascade,
    policy_id      bigint not null,
    policy_version bigint not null,
    calendar_id    bigint not null,
    paused_at      timestamp with time zone
);

create table sla_clock (
    id             bigint primary key,
    ticket_id      bigint not null references ticket (id) on delete cascade,
    kind           varchar(16) not null,
    target_minutes integer not null,
    started_at     timestamp with time zone not null,
    paused_seconds bigint not null,
    due            timestamp with time zone not null,
    warn_at        timestamp with time zone not null,
    met_at         timestamp with time zone,
    stopped_at     timestamp with time zone,
    warned_at      timestamp with time zone,
    breached_at    timestamp with time zone,
    alarm_at       timestamp with time zone,
    constraint sla_clock_kind_known check (kind in ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'))
);
create index sla_clock_ticket on sla_clock (ticket_id);
-- the one SLA timer sleeps until min(alarm_at): an index lookup, never a scan of all tickets
create index sla_clock_alarm on sla_clock (alarm_at) where alarm_at is not null;

-- the queue's "due soonest": the earliest due time of a ticket's running clocks (null: none, paused or done)
alter table ticket add column sla_due_at timestamp with time zone;
create index ticket_sla_due on ticket (sla_due_at) where sla_due_at is not null;
