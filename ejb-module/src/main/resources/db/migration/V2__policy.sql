-- Policy as data: one classification per field, the role x classification visibility matrix, both
-- versioned with a history of every change; region transfer rules, contractor grants, break-glass
-- overrides and the notifications they raise. Masked copies ("shadows") of free text, filled for
-- existing rows by the Java migration V2_1, serve masked output and masked search alike.

create sequence policy_change_seq start with 50 increment by 50;
create sequence transfer_rule_seq start with 50 increment by 50;
create sequence access_grant_seq start with 50 increment by 50;
create sequence access_override_seq start with 50 increment by 50;
create sequence notification_seq start with 50 increment by 50;

alter table customer add column national_id varchar(32);
alter table ticket add column subject_masked varchar(400);
alter table ticket add column description_masked varchar(40000);
alter table ticket_comment add column body_masked varchar(40000);

create table classification_entry (
    field_key      varchar(80) primary key,
    entity_name    varchar(32) not null,
    field_name     varchar(48) not null,
    classification varchar(16) not null,
    mask_style     varchar(16) not null,
    version        bigint not null,
    changed_at     timestamp with time zone not null,
    changed_by     varchar(64) not null,
    constraint classification_known check (classification in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED')),
    constraint mask_style_known check (mask_style in ('EMAIL', 'PHONE', 'NAME', 'FREE_TEXT', 'IDENTIFIER', 'NONE')),
    constraint classification_key_matches unique (entity_name, field_name)
);

create table visibility_rule (
    rule_key       varchar(64) primary key,
    role           varchar(32) not null,
    classification varchar(16) not null,
    visibility     varchar(16) not null,
    version        bigint not null,
    changed_at     timestamp with time zone not null,
    changed_by     varchar(64) not null,
    constraint visibility_known check (visibility in ('FULL', 'MASKED', 'HIDDEN')),
    constraint visibility_rule_classification_known
        check (classification in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED')),
    constraint visibility_rule_unique unique (role, classification)
);

-- Every change to either table: who, when, old -> new, why. Append-only.
create table policy_change (
    id          bigint primary key,
    kind        varchar(16) not null,
    target      varchar(80) not null,
    version     bigint not null,
    old_value   varchar(16) not null,
    new_value   varchar(16) not null,
    reason      varchar(1000) not null,
    changed_by  varchar(64) not null,
    changed_at  timestamp with time zone not null,
    constraint policy_change_kind_known check (kind in ('CLASSIFICATION', 'VISIBILITY')),
    constraint policy_change_version_once unique (kind, target, version)
);
create index policy_change_target_idx on policy_change (kind, target, version);

create table transfer_rule (
    id          bigint primary key,
    from_region varchar(8) not null,
    to_region   varchar(8) not null,
    basis       varchar(24) not null,
    reason      varchar(1000) not null,
    created_by  varchar(64) not null,
    created_at  timestamp with time zone not null,
    revoked_by  varchar(64),
    revoked_at  timestamp with time zone,
    constraint transfer_rule_basis_known
        check (basis in ('ADEQUACY', 'SCC', 'BCR', 'EXPLICIT_CONSENT', 'DEROGATION')),
    constraint transfer_rule_between_regions check (from_region <> to_region)
);

create table access_grant (
    id            bigint primary key,
    grantee       varchar(64) not null,
    categories    varchar(1000) not null,
    regions       varchar(100) not null,
    starts_at     timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    reason        varchar(1000) not null,
    granted_by    varchar(64) not null,
    created_at    timestamp with time zone not null,
    revoked_by    varchar(64),
    revoked_at    timestamp with time zone,
    revoke_reason varchar(1000),
    constraint access_grant_period check (expires_at > starts_at)
);
create index access_grant_grantee_idx on access_grant (grantee, expires_at);

create table access_override (
    id            bigint primary key,
    ticket_id     bigint not null references ticket (id),
    username      varchar(64) not null,
    justification varchar(2000) not null,
    starts_at     timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    constraint access_override_period check (expires_at > starts_at)
);
create index access_override_user_idx on access_override (username, ticket_id, expires_at);
create index access_override_expiry_idx on access_override (expires_at);

create table notification (
    id             bigint primary key,
    recipient_role varchar(32) not null,
    topic          varchar(32) not null,
    resource_type  varchar(32) not null,
    resource_id    varchar(64) not null,
    message        varchar(2000) not null,
    created_at     timestamp with time zone not null
);
create index notification_recipient_idx on notification (recipient_role, created_at);

-- Default catalog. Personal data is CONFIDENTIAL; government identifiers are RESTRICTED.
insert into classification_entry (field_key, entity_name, field_name, classification, mask_style, version, changed_at, changed_by) values
    ('customer.externalId',  'customer', 'externalId',  'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('customer.name',        'customer', 'name',        'CONFIDENTIAL', 'NAME',       1, current_timestamp, 'system:migration'),
    ('customer.email',       'customer', 'email',       'CONFIDENTIAL', 'EMAIL',      1, current_timestamp, 'system:migration'),
    ('customer.phone',       'customer', 'phone',       'CONFIDENTIAL', 'PHONE',      1, current_timestamp, 'system:migration'),
    ('customer.nationalId',  'customer', 'nationalId',  'RESTRICTED',   'IDENTIFIER', 1, current_timestamp, 'system:migration'),
    ('customer.region',      'customer', 'region',      'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('customer.createdAt',   'customer', 'createdAt',   'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.subject',       'ticket',   'subject',     'CONFIDENTIAL', 'FREE_TEXT',  1, current_timestamp, 'system:migration'),
    ('ticket.description',   'ticket',   'description', 'CONFIDENTIAL', 'FREE_TEXT',  1, current_timestamp, 'system:migration'),
    ('ticket.status',        'ticket',   'status',      'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.priority',      'ticket',   'priority',    'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.category',      'ticket',   'category',    'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.productSku',    'ticket',   'productSku',  'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.siteCode',      'ticket',   'siteCode',    'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.region',        'ticket',   'region',      'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.assignee',      'ticket',   'assignee',    'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.customerId',    'ticket',   'customerId',  'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.createdAt',     'ticket',   'createdAt',   'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.updatedAt',     'ticket',   'updatedAt',   'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('ticket.resolvedAt',    'ticket',   'resolvedAt',  'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('comment.body',         'comment',  'body',        'CONFIDENTIAL', 'FREE_TEXT',  1, current_timestamp, 'system:migration'),
    ('comment.visibility',   'comment',  'visibility',  'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('comment.author',       'comment',  'author',      'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration'),
    ('comment.createdAt',    'comment',  'createdAt',   'INTERNAL',     'NONE',       1, current_timestamp, 'system:migration');

-- Default matrix (BRIEF: agents see CONFIDENTIAL masked and RESTRICTED hidden; supervisors see
-- CONFIDENTIAL in full; operators and auditors see no personal data; privacy officers see what a
-- request needs, every read audited).
insert into visibility_rule (rule_key, role, classification, visibility, version, changed_at, changed_by) values
    ('AGENT:PUBLIC', 'AGENT', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('AGENT:INTERNAL', 'AGENT', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('AGENT:CONFIDENTIAL', 'AGENT', 'CONFIDENTIAL', 'MASKED', 1, current_timestamp, 'system:migration'),
    ('AGENT:RESTRICTED', 'AGENT', 'RESTRICTED', 'HIDDEN', 1, current_timestamp, 'system:migration'),
    ('ENGINEER:PUBLIC', 'ENGINEER', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('ENGINEER:INTERNAL', 'ENGINEER', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('ENGINEER:CONFIDENTIAL', 'ENGINEER', 'CONFIDENTIAL', 'MASKED', 1, current_timestamp, 'system:migration'),
    ('ENGINEER:RESTRICTED', 'ENGINEER', 'RESTRICTED', 'HIDDEN', 1, current_timestamp, 'system:migration'),
    ('SUPERVISOR:PUBLIC', 'SUPERVISOR', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('SUPERVISOR:INTERNAL', 'SUPERVISOR', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('SUPERVISOR:CONFIDENTIAL', 'SUPERVISOR', 'CONFIDENTIAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('SUPERVISOR:RESTRICTED', 'SUPERVISOR', 'RESTRICTED', 'MASKED', 1, current_timestamp, 'system:migration'),
    ('CONTRACTOR:PUBLIC', 'CONTRACTOR', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('CONTRACTOR:INTERNAL', 'CONTRACTOR', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('CONTRACTOR:CONFIDENTIAL', 'CONTRACTOR', 'CONFIDENTIAL', 'MASKED', 1, current_timestamp, 'system:migration'),
    ('CONTRACTOR:RESTRICTED', 'CONTRACTOR', 'RESTRICTED', 'HIDDEN', 1, current_timestamp, 'system:migration'),
    ('OPERATOR:PUBLIC', 'OPERATOR', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('OPERATOR:INTERNAL', 'OPERATOR', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('OPERATOR:CONFIDENTIAL', 'OPERATOR', 'CONFIDENTIAL', 'HIDDEN', 1, current_timestamp, 'system:migration'),
    ('OPERATOR:RESTRICTED', 'OPERATOR', 'RESTRICTED', 'HIDDEN', 1, current_timestamp, 'system:migration'),
    ('PRIVACY_OFFICER:PUBLIC', 'PRIVACY_OFFICER', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('PRIVACY_OFFICER:INTERNAL', 'PRIVACY_OFFICER', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('PRIVACY_OFFICER:CONFIDENTIAL', 'PRIVACY_OFFICER', 'CONFIDENTIAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('PRIVACY_OFFICER:RESTRICTED', 'PRIVACY_OFFICER', 'RESTRICTED', 'FULL', 1, current_timestamp, 'system:migration'),
    ('AUDITOR:PUBLIC', 'AUDITOR', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('AUDITOR:INTERNAL', 'AUDITOR', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('AUDITOR:CONFIDENTIAL', 'AUDITOR', 'CONFIDENTIAL', 'HIDDEN', 1, current_timestamp, 'system:migration'),
    ('AUDITOR:RESTRICTED', 'AUDITOR', 'RESTRICTED', 'HIDDEN', 1, current_timestamp, 'system:migration');
