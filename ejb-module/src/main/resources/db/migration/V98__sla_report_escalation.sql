-- #25 SLA report and escalation.
-- The business time a clock took to be met (seconds on its calendar, net of pauses), written when it is met: the
-- report's percentiles are then an aggregate over a column, not a calendar walk per ticket. Null: not met, or met
-- before this migration (such clocks count for attainment but not for the percentiles).
alter table sla_clock add column business_seconds bigint;
-- the report selects clocks by when they started (a period); its groups come from the ticket
create index sla_clock_started on sla_clock (started_at);
-- at breach a ticket may be routed to this team (null: no reassignment, only the notifications)
alter table sla_policy add column escalate_to_team varchar(40) references team (team_key);
