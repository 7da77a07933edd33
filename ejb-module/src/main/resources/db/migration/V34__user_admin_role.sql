-- The user administrator (#22) administers people and sees no personal data of customers or tickets:
-- like the auditor's row of the matrix, PUBLIC and INTERNAL only.
insert into visibility_rule (rule_key, role, classification, visibility, version, changed_at, changed_by) values
    ('USER_ADMIN:PUBLIC', 'USER_ADMIN', 'PUBLIC', 'FULL', 1, current_timestamp, 'system:migration'),
    ('USER_ADMIN:INTERNAL', 'USER_ADMIN', 'INTERNAL', 'FULL', 1, current_timestamp, 'system:migration'),
    ('USER_ADMIN:CONFIDENTIAL', 'USER_ADMIN', 'CONFIDENTIAL', 'HIDDEN', 1, current_timestamp, 'system:migration'),
    ('USER_ADMIN:RESTRICTED', 'USER_ADMIN', 'RESTRICTED', 'HIDDEN', 1, current_timestamp, 'system:migration');
