-- #25 The SLA report's own rows: one narrow row per clock with what the report needs of it and of its ticket, kept
-- current by triggers in the writer's transaction, so that the report reads neither sla_clock nor ticket (1M tickets:
-- a year's report was a join of ~2.25M clocks with 1M tickets, a sort by the group and two sorts per group).
--
-- Triggers rather than the SLA code: the group keys change wherever a ticket changes (assignment, escalation,
-- revise, merge, import, a team's deletion), and every such writer's transaction carries its report rows along.
--
-- kind: 1 FIRST_RESPONSE, 2 NEXT_RESPONSE, 3 RESOLUTION (small, and in an index in this order);
-- met: met by its due time and never marked breached; missed: marked breached or met after its due time;
-- ticket_open: the ticket is neither RESOLVED nor CLOSED now.
create table sla_report_clock (
    ticket_id        bigint not null references ticket (id) on delete cascade,
    clock_id         bigint not null,
    kind             smallint not null,
    started_at       timestamp with time zone not null,
    start_day        date not null,
    business_seconds bigint,
    team_id          bigint,
    region           varchar(8) not null,
    priority         varchar(16) not null,
    category         varchar(40) not null,
    ticket_open      boolean not null,
    met              boolean not null,
    missed           boolean not null,
    primary key (ticket_id, clock_id)
);

-- One index per grouping, led by the group key, then kind and business time, covering every column the report reads:
-- an index-only scan hands the rows over grouped (no sort by the group) and, within a group and kind, in business
-- time order (the percentiles' own sorts find their input sorted). The day index also serves short periods of the
-- other groupings (start_day is its range condition).
create index sla_report_by_team on sla_report_clock (team_id, kind, business_seconds)
    include (started_at, start_day, region, ticket_open, met, missed);
create index sla_report_by_region on sla_report_clock (region, kind, business_seconds)
    include (started_at, start_day, ticket_open, met, missed);
create index sla_report_by_priority on sla_report_clock (priority, kind, business_seconds)
    include (started_at, start_day, region, ticket_open, met, missed);
create index sla_report_by_category on sla_report_clock (category, kind, business_seconds)
    include (started_at, start_day, region, ticket_open, met, missed);
create index sla_report_by_day on sla_report_clock (start_day, kind, business_seconds)
    include (started_at, region, ticket_open, met, missed);

-- what a report row holds, from its clock and ticket: the one definition the triggers and the backfill share
create view sla_report_source as
select c.ticket_id, c.id as clock_id,
       (case c.kind when 'FIRST_RESPONSE' then 1 when 'NEXT_RESPONSE' then 2 else 3 end)::smallint as kind,
       c.started_at, (c.started_at at time zone 'UTC')::date as start_day, c.business_seconds,
       t.assigned_team_id as team_id, t.region, t.priority, t.category,
       t.status not in ('RESOLVED', 'CLOSED') as ticket_open,
       coalesce(c.met_at <= c.due and c.breached_at is null, false) as met,
       coalesce(c.breached_at is not null or c.met_at > c.due, false) as missed
from sla_clock c join ticket t on t.id = c.ticket_id;

-- new clocks (one statement may add many: set-based through the transition table)
create function sla_report_clocks_added() returns trigger language plpgsql as $$
begin
    -- planned per statement (EXECUTE), not once per session: a bulk insert and a ticket's two clocks want
    -- different plans (a hash join against index look-ups)
    execute 'insert into sla_report_clock (ticket_id, clock_id, kind, started_at, start_day, business_seconds,'
         || ' team_id, region, priority, category, ticket_open, met, missed)'
         || ' select s.ticket_id, s.clock_id, s.kind, s.started_at, s.start_day, s.business_seconds, s.team_id,'
         || ' s.region, s.priority, s.category, s.ticket_open, s.met, s.missed'
         || ' from sla_report_source s where s.clock_id in (select id from added)';
    return null;
end
$$;
create trigger sla_report_clock_ins after insert on sla_clock referencing new table as added
    for each statement execute function sla_report_clocks_added();

-- a clock met, breached, re-planned (row by row: only the columns the report reads; the start-up recompute, which
-- writes alarm_at, does not fire it)
create function sla_report_clock_changed() returns trigger language plpgsql as $$
begin
    update sla_report_clock r
    set kind = s.kind, started_at = s.started_at, start_day = s.start_day, business_seconds = s.business_seconds,
        met = s.met, missed = s.missed
    from sla_report_source s
    where s.clock_id = new.id and r.ticket_id = new.ticket_id and r.clock_id = new.id;
    return null;
end
$$;
create trigger sla_report_clock_upd after update of kind, started_at, due, met_at, breached_at, business_seconds
    on sla_clock for each row
    when (old.kind is distinct from new.kind or old.started_at is distinct from new.started_at
          or old.due is distinct from new.due or old.met_at is distinct from new.met_at
          or old.breached_at is distinct from new.breached_at
          or old.business_seconds is distinct from new.business_seconds)
    execute function sla_report_clock_changed();

-- the ticket's group keys and status (its sla_due_at, written by the clocks and the recompute, does not fire it)
create function sla_report_ticket_changed() returns trigger language plpgsql as $$
begin
    update sla_report_clock
    set team_id = new.assigned_team_id, region = new.region, priority = new.priority, category = new.category,
        ticket_open = new.status not in ('RESOLVED', 'CLOSED')
    where ticket_id = new.id;
    return null;
end
$$;
create trigger sla_report_ticket_upd after update of assigned_team_id, region, priority, category, status
    on ticket for each row
    when (old.assigned_team_id is distinct from new.assigned_team_id or old.region is distinct from new.region
          or old.priority is distinct from new.priority or old.category is distinct from new.category
          or (old.status in ('RESOLVED', 'CLOSED')) is distinct from (new.status in ('RESOLVED', 'CLOSED')))
    execute function sla_report_ticket_changed();

-- the clocks there are (set-based)
insert into sla_report_clock (ticket_id, clock_id, kind, started_at, start_day, business_seconds, team_id, region,
                              priority, category, ticket_open, met, missed)
select ticket_id, clock_id, kind, started_at, start_day, business_seconds, team_id, region, priority, category,
       ticket_open, met, missed
from sla_report_source;

-- the report no longer reads sla_clock by start; the index only cost every clock write (and the start-up recompute)
drop index sla_clock_started;
