-- The original message of a held mail (#24): a mail held because its sender was not authenticated keeps its raw
-- message here until an agent decides, so that an accepted mail keeps its original and its files as attachments of
-- its ticket like any other. Encrypted (OpenPGP, AES-256) under a random key of its own, that key wrapped by the
-- attachment master key; the row goes when the mail is accepted or discarded.
create table mail_held_content (
    mail_id            bigint primary key references mail_message (id) on delete cascade,
    wrapped_key        bytea        not null,
    master_fingerprint varchar(80)  not null,
    ciphertext         bytea        not null,
    created_at         timestamp with time zone not null
);
