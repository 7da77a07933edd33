-- Governance SLOs (#25): every periodic evaluation of an objective, kept as its history (the portal's chart, the
-- evidence that an objective was met) and as the state that makes a missed objective open one incident per missed
-- stretch: a new incident only after an evaluation found it met again. No personal data: numbers and ids.
create sequence slo_evaluation_seq start with 50 increment by 50;

create table slo_evaluation (
    id                 bigint primary key,
    objective          varchar(64)  not null,
    remit              varchar(16)  not null,
    evaluated_at       timestamp with time zone not null,
    measured_value     double precision,
    target             double precision not null,
    unit               varchar(16)  not null,
    status             varchar(8)   not null,
    incident_ticket_id bigint,
    constraint slo_evaluation_status_known check (status in ('MET', 'MISSED', 'NO_DATA'))
);
create index slo_evaluation_objective_idx on slo_evaluation (objective, evaluated_at desc);

-- the time since the last full verification of the trail is read from its AUDIT_VERIFY events: without this index
-- that read would scan the whole trail
create index audit_event_verify_idx on audit_event (occurred_at) where action = 'AUDIT_VERIFY';

-- the SECURITY tickets' first response is measured over the window without scanning every ticket
create index ticket_security_created_idx on ticket (created_at) where category = 'SECURITY';
