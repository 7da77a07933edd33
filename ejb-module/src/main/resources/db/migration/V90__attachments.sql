-- #24 attachments, encrypted so that erasure can shred them.
-- attachment_key: one data key per customer (the data subject), random 256 bits, kept only wrapped by the
-- installation's master key (CUSTODIAN_ATTACHMENT_MASTER_KEY) as an OpenPGP symmetric message. Erasure blanks the
-- wrapped key (destroyed_at set): every attachment of that customer, here and in any backup set holding its
-- ciphertext, is unreadable from then on. The table is left out of the data backups (see docs/security.md).
create table attachment_key (
    customer_id        bigint primary key,
    wrapped_key        bytea,
    master_fingerprint varchar(100),
    created_at         timestamp with time zone not null,
    destroyed_at       timestamp with time zone,
    constraint attachment_key_state check ((wrapped_key is null) = (destroyed_at is not null))
);

create sequence attachment_seq start with 50 increment by 50;

-- one attachment of a ticket: metadata in clear (no content), the content encrypted in attachment_chunk
create table attachment (
    id             bigint primary key,
    ticket_id      bigint not null references ticket (id) on delete cascade,
    customer_id    bigint not null,
    filename       varchar(255) not null,
    declared_type  varchar(127) not null,
    content_type   varchar(127) not null,
    size_bytes     bigint not null,
    content_sha256 char(64) not null,
    source_kind    varchar(16) not null,
    source_ref     varchar(998) not null,
    created_at     timestamp with time zone not null,
    pii_summary    varchar(400),
    flagged        boolean not null default false,
    constraint attachment_source_known check (source_kind in ('UPLOAD', 'MAIL'))
);
create index attachment_ticket_idx on attachment (ticket_id);
create index attachment_customer_idx on attachment (customer_id);

-- the OpenPGP message (gpg --decrypt opens the concatenated chunks) in 1 MiB pieces, so that neither an upload nor
-- a download holds a whole file in memory
create table attachment_chunk (
    attachment_id bigint not null references attachment (id) on delete cascade,
    seq           integer not null,
    data          bytea not null,
    primary key (attachment_id, seq)
);

-- who may download: agents see CONFIDENTIAL masked (REVEALABLE), so they download only after a reveal
insert into classification_entry (field_key, entity_name, field_name, classification, mask_style, version, changed_at, changed_by)
values ('attachment.content', 'attachment', 'content', 'CONFIDENTIAL', 'NONE', 1, current_timestamp, 'system:migration')
on conflict (field_key) do nothing;
