-- #24: comment ids are handed out in blocks of 500 instead of 50 (Comment's allocationSize says the same). A
-- legacy import makes a comment per row, and each block costs a round trip to the sequence through the persistence
-- provider: a tenth of the import's writing time in its profile. The next block starts after the last one taken,
-- so no id is given twice; a restart of the server skips at most the rest of a block. Ticket ids stay in blocks of
-- 50: they are the references customers see.
alter sequence comment_seq increment by 500;
