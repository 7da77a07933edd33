-- Access review campaigns (#22): a snapshot of who holds which access, one item per role, region, contractor grant
-- and backup privilege, each kept or revoked by its reviewer with a reason before a deadline.
create sequence access_review_seq start with 50 increment by 50;

create table access_review (
    id                  bigint primary key,
    title               varchar(200) not null,
    scope_region        varchar(8),
    scope_role          varchar(32),
    named_reviewer      varchar(64),
    deadline            timestamp with time zone not null,
    deadline_policy     varchar(16) not null,
    state               varchar(16) not null,
    created_by          varchar(64) not null,
    created_at          timestamp with time zone not null,
    scheduled           boolean not null,
    last_reminder_at    timestamp with time zone,
    deadline_handled_at timestamp with time zone,
    closed_by           varchar(64),
    closed_at           timestamp with time zone,
    outcome_digest      varchar(80)
);

create index access_review_open on access_review (state, deadline);

create sequence access_review_item_seq start with 50 increment by 50;

create table access_review_item (
    id          bigint primary key,
    review_id   bigint not null references access_review (id),
    username    varchar(64) not null,
    kind        varchar(16) not null,
    subject     varchar(64) not null,
    detail      varchar(1000) not null,
    reviewer    varchar(64),
    state       varchar(16) not null,
    decided_by  varchar(64),
    decided_at  timestamp with time zone,
    reason      varchar(1000)
);

create index access_review_item_review on access_review_item (review_id, id);
create index access_review_item_reviewer on access_review_item (reviewer, state);

-- A reminder for one person (the reviewer), not for everyone holding a role: null keeps the old meaning.
alter table notification add column recipient_user varchar(64);

-- The dormant-accounts report reads app_user.last_sign_in_at (V35, written at every completed sign-in, backed up
-- with the user). Users who signed in before V35 get their last sign-in from the sign-in sources.
update app_user u set last_sign_in_at = s.last
    from (select username, max(last_success_at) as last from login_known_source group by username) s
    where s.username = u.username and u.last_sign_in_at is null;
