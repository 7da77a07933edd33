-- SCIM 2.0 provisioning (#22). A SCIM User is a user of app_user (its SCIM id is app_user.id); scim_user keeps what
-- the identity provider sent that app_user has no column for (externalId, the parts of the name, the e-mail's
-- type) and whether the IdP deleted the user (then the user is disabled and SCIM answers 404 for it, RFC 7644 3.6;
-- the row and the user stay, for the trail). Groups and their members are stored as the IdP set them, so GET
-- returns what it set; what a group grants comes from the group mapping (custodian.oidc.group-map).
create table scim_user (
    user_id        bigint primary key references app_user (id),
    external_id    varchar(255),
    given_name     varchar(200),
    family_name    varchar(200),
    formatted_name varchar(200),
    email_type     varchar(32),
    created_at     timestamp with time zone not null,
    changed_at     timestamp with time zone not null,
    deleted_at     timestamp with time zone
);
create index scim_user_external_id_idx on scim_user (external_id);

create table scim_group (
    id           varchar(36) primary key,
    display_name varchar(200) not null,
    external_id  varchar(255),
    created_at   timestamp with time zone not null,
    changed_at   timestamp with time zone not null,
    version      bigint not null default 0
);
-- displayName is the group's name at the IdP and what the mapping names: unique regardless of case
create unique index scim_group_display_name_idx on scim_group (lower(display_name));

create table scim_group_member (
    group_id varchar(36) not null references scim_group (id),
    user_id  bigint not null references app_user (id),
    primary key (group_id, user_id)
);
create index scim_group_member_user_idx on scim_group_member (user_id);
