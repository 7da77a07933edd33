-- Portal sessions started through the corporate identity provider (#22): a registry every node reads, so a
-- back-channel logout from the IdP (by its session id 'sid' or by the user's subject) ends the portal sessions of
-- that IdP session on every node at their next request. Ephemeral: not backed up; rows are forgotten a day after
-- they started (no portal session lives longer than its absolute timeout, 8 hours by default).
create table sso_session (
    id varchar(64) primary key,
    username varchar(64) not null,
    issuer varchar(512) not null,
    subject varchar(255) not null,
    sid varchar(255),
    started_at timestamp with time zone not null,
    ended_at timestamp with time zone,
    ended_why varchar(32)
);
create index sso_session_sid on sso_session (issuer, sid) where ended_at is null;
create index sso_session_subject on sso_session (issuer, subject) where ended_at is null;
create index sso_session_started on sso_session (started_at);
