-- #20: which kinds of data (CREDIT_CARD, SECRET) were removed from a ticket's subject or description, or from a
-- comment's body, when it was written, so the page and the API can tell the agent; type names comma-separated,
-- null when nothing was removed. Rows written before only have the PII_REDACTED audit event.
alter table ticket add column redacted_types varchar(64);
alter table ticket_comment add column redacted_types varchar(64);
