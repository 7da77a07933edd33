-- Anomaly alerts found in the audit trail, and the SECURITY tickets they open. The detector's position in the
-- trail is a row of siem_delivery (sink 'anomaly-detector'), like any other consumer of the trail.
create sequence alert_seq start with 50 increment by 50;

create table alert (
    id              bigint primary key,
    rule            varchar(32) not null,
    actor           varchar(256) not null,
    observed        bigint not null,
    threshold_value bigint not null,
    window_start    timestamp with time zone not null,
    window_end      timestamp with time zone not null,
    last_sequence   bigint not null,
    detail          varchar(1000) not null,
    ticket_id       bigint references ticket (id),
    created_at      timestamp with time zone not null
);
create index alert_rule_actor_idx on alert (rule, actor, created_at);
