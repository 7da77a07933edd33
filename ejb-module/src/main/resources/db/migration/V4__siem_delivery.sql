-- Delivery position of each SIEM sink in the audit trail (the trail itself is the ordered outbox).
create table siem_delivery (
    sink               varchar(32) primary key,
    delivered_sequence bigint not null,
    delivered_at       timestamp with time zone,
    last_error         varchar(1000),
    last_error_at      timestamp with time zone,
    failures           bigint not null
);
