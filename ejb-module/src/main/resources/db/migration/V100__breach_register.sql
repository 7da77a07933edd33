-- #25 the Art. 33/34 personal-data breach register: one row per breach with its 72-hour clock (due time, the
-- warning point, the marks that make each warning fire once) and, where the breach is an access, the subjects an
-- actor's reads in a window named (computed from the audit trail).
create sequence breach_seq start with 50 increment by 50;

create table breach (
    id                      bigint primary key,
    nature                  varchar(4000) not null,
    categories              varchar(1000) not null,
    subjects_approx         bigint,
    records_approx          bigint,
    consequences            varchar(4000) not null,
    measures                varchar(4000) not null,
    aware_at                timestamp with time zone not null,
    due_at                  timestamp with time zone not null,
    warn_at                 timestamp with time zone not null,
    warning_sent_at         timestamp with time zone,
    deadline_sent_at        timestamp with time zone,
    alarm_at                timestamp with time zone,
    status                  varchar(16) not null,
    notified_at             timestamp with time zone,
    authority_reference     varchar(200),
    delay_reason            varchar(2000),
    no_notification_reason  varchar(2000),
    subjects_decision       varchar(16),
    subjects_reason         varchar(2000),
    subjects_decided_by     varchar(64),
    subjects_decided_at     timestamp with time zone,
    scope_actor             varchar(256),
    scope_from              timestamp with time zone,
    scope_to                timestamp with time zone,
    scope_subjects          bigint,
    scope_records           bigint,
    scope_truncated         boolean not null default false,
    alert_id                bigint,
    created_by              varchar(64) not null,
    created_at              timestamp with time zone not null,
    changed_at              timestamp with time zone not null,
    version                 bigint not null,
    constraint breach_status check (status in ('OPEN', 'NOTIFIED', 'NOT_NOTIFIED')),
    constraint breach_subjects_decision check (subjects_decision is null
        or subjects_decision in ('NOTIFY', 'NOT_NOTIFY')),
    constraint breach_clock check (due_at > aware_at and warn_at > aware_at and warn_at <= due_at),
    constraint breach_notified check (status <> 'NOTIFIED' or (notified_at is not null
        and authority_reference is not null)),
    constraint breach_late check (notified_at is null or notified_at <= due_at or delay_reason is not null)
);

-- the one timer sleeps until the earliest alarm (an index lookup, no scan of the register)
create index breach_alarm on breach (alarm_at) where alarm_at is not null;

-- the subjects whose data the actor read in the window (customer ids, not names: the register is not a copy of
-- their data); no foreign key, so that a purge or an erasure of a customer is never blocked by the register
create table breach_subject (
    breach_id   bigint not null references breach (id) on delete cascade,
    customer_id bigint not null,
    region      varchar(8),
    records     integer not null,
    primary key (breach_id, customer_id)
);
