-- User administration (#22): the person behind an account, how it was disabled, who changed it last.
-- Existing users keep working: UTC and English until someone sets otherwise; no e-mail until given.
alter table app_user add column email varchar(254);
alter table app_user add column time_zone varchar(64) not null default 'UTC';
alter table app_user add column locale varchar(8) not null default 'en';
alter table app_user add column disabled_reason varchar(500);
alter table app_user add column disabled_at timestamp with time zone;
alter table app_user add column last_sign_in_at timestamp with time zone;
alter table app_user add column created_by varchar(64);
alter table app_user add column changed_by varchar(64);
alter table app_user add column changed_at timestamp with time zone;

-- one account per mailbox (case does not make another address)
create unique index app_user_email_idx on app_user (lower(email)) where email is not null;

-- the history of one user in the access reports (resource ids of USER events are usernames, 64 characters at most)
create index audit_event_user_idx on audit_event (resource_id, sequence) where resource_type = 'USER';
