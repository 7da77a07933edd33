-- Ticket work (#23): the status WAITING_ON_CUSTOMER (19 characters: the column grows), links between tickets
-- (related, follow-up, duplicate merged into a survivor) and canned replies (macros) per team.
alter table ticket alter column status type varchar(24);
alter table ticket drop constraint ticket_status_known;
alter table ticket add constraint ticket_status_known
    check (status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'));

create sequence ticket_link_seq start with 50 increment by 50;

-- from_ticket -> to_ticket: RELATED (either way), FOLLOW_UP (the new ticket -> the one it follows), DUPLICATE
-- (the closed duplicate -> its survivor; the survivor shows the duplicate's comments). Removed with either ticket
-- (retention deletes tickets).
create table ticket_link (
    id          bigint primary key,
    from_ticket bigint not null references ticket (id) on delete cascade,
    to_ticket   bigint not null references ticket (id) on delete cascade,
    kind        varchar(16) not null,
    created_by  varchar(64) not null,
    created_at  timestamp with time zone not null,
    constraint ticket_link_kind_known check (kind in ('RELATED', 'FOLLOW_UP', 'DUPLICATE')),
    constraint ticket_link_not_itself check (from_ticket <> to_ticket),
    constraint ticket_link_once unique (from_ticket, to_ticket, kind)
);
create index ticket_link_to_idx on ticket_link (to_ticket);

create sequence macro_seq start with 50 increment by 50;

-- Canned replies of one team; placeholders ({{customer.name}}) are filled when used, as the policy shows them.
create table macro (
    id         bigint primary key,
    team_id    bigint not null references team (id) on delete cascade,
    name       varchar(100) not null,
    body       varchar(5000) not null,
    changed_by varchar(64) not null,
    changed_at timestamp with time zone not null,
    version    bigint not null default 0,
    constraint macro_name_once unique (team_id, name)
);
