-- Invitations (#22): a one-time link to set the first password. Only a keyed hash of the link's token is kept;
-- a new invitation voids the one before.
create sequence user_invitation_seq start with 50 increment by 50;

create table user_invitation (
    id          bigint primary key,
    username    varchar(64) not null,
    token_hash  char(64) not null unique,
    created_by  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    voided_at   timestamp with time zone
);

create index user_invitation_user_idx on user_invitation (username);
