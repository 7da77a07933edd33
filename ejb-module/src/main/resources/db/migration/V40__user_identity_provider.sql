-- Single sign-on (#22): a user may be vouched for by the corporate identity provider. The IdP's issuer and the
-- user's subject there link the row to that identity for good (a renamed or recycled username at the IdP cannot
-- take over another row); identity_managed marks users created just in time, whose roles and regions follow their
-- IdP groups at each sign-in and who have no password here (password_hash holds a value no password matches).
alter table app_user add column identity_issuer varchar(512);
alter table app_user add column identity_subject varchar(255);
alter table app_user add column identity_managed boolean not null default false;
alter table app_user add constraint app_user_identity_unique unique (identity_issuer, identity_subject);
alter table app_user add constraint app_user_identity_complete
    check ((identity_issuer is null) = (identity_subject is null) and (not identity_managed or identity_issuer is not null));
