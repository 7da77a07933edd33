-- #24 attachments through the governance paths: integrity checks, backups and restores verify the stored
-- ciphertext without any key, so each attachment records what its chunks must add up to.
-- cipher_sha256: SHA-256 of the whole OpenPGP message (the chunks concatenated in seq order), as written;
-- chunk_count: how many chunks (seq 0 .. chunk_count - 1). Null only while an upload is being written.
alter table attachment add column cipher_sha256 char(64);
alter table attachment add column chunk_count integer;

update attachment a set
    chunk_count = (select count(*) from attachment_chunk c where c.attachment_id = a.id),
    cipher_sha256 = (select encode(sha256(string_agg(c.data, ''::bytea order by c.seq)), 'hex')
                     from attachment_chunk c where c.attachment_id = a.id);

-- a retention purge removes the attachments of the tickets it anonymizes or deletes, and counts them
alter table retention_purge_progress add column attachments bigint not null default 0;
