-- Teams (#22): groups of the users who work tickets in one region ("EU Network", region EU). The "team" queue is
-- the tickets assigned to the members of the caller's teams. Members are kept by username, as tickets keep their
-- assignee; the service admits only existing, enabled users who work tickets in the team's region. Small tables
-- with a composite key: backups copy them whole (see docs/backup-format.md).
create sequence team_seq start with 50 increment by 50;

create table team (
    id         bigint primary key,
    team_key   varchar(40) not null unique,
    name       varchar(200) not null,
    region     varchar(8) not null,
    created_at timestamp with time zone not null,
    changed_at timestamp with time zone not null,
    version    bigint not null default 0
);

create table team_member (
    team_id  bigint not null references team (id),
    username varchar(64) not null references app_user (username),
    primary key (team_id, username)
);
-- a user's teams (the "team" queue, the users API)
create index team_member_username_idx on team_member (username);
