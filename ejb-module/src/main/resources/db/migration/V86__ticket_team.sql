-- #23: a ticket may be routed to a team (Zendesk and Zammad groups) besides, or before, a person: the team's members
-- see it in their team queue until one of them takes it. A team is never deleted (it has no delete); should one be,
-- its tickets go back to "no team" rather than disappear.
alter table ticket add column assigned_team_id bigint references team (id) on delete set null;
create index ticket_assigned_team_idx on ticket (assigned_team_id);

-- which team works a ticket is staff information like the assignee: INTERNAL, shown as the matrix shows it
insert into classification_entry (field_key, entity_name, field_name, classification, mask_style, version, changed_at, changed_by)
values ('ticket.team', 'ticket', 'team', 'INTERNAL', 'NONE', 1, current_timestamp, 'system:migration')
on conflict (field_key) do nothing;
