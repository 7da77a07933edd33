-- Four eyes (#22): a grant of a role that sees personal data or administers people waits here until a second
-- person (another user administrator or a privacy officer, never the requester nor the subject) decides it.
create sequence role_grant_request_seq start with 50 increment by 50;

create table role_grant_request (
    id            bigint primary key,
    username      varchar(64) not null,
    role          varchar(32) not null,
    status        varchar(16) not null,
    requested_by  varchar(64) not null,
    requested_at  timestamp with time zone not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    reason        varchar(500),
    version       bigint not null default 0,
    constraint role_grant_request_status_chk check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'))
);

-- one open request per user and role: asking twice finds the first
create unique index role_grant_request_open_idx on role_grant_request (username, role) where status = 'PENDING';
create index role_grant_request_status_idx on role_grant_request (status, requested_at);
