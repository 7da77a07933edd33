-- #24: attachment chunks and held mail are OpenPGP ciphertext, which does not compress. STORAGE EXTERNAL keeps them
-- out of line (TOAST) as before but without PostgreSQL's attempt to compress each value first. It applies to rows
-- written from now on; rows already stored stay as they are (both forms read alike).
alter table attachment_chunk alter column data set storage external;
alter table mail_held_content alter column ciphertext set storage external;
