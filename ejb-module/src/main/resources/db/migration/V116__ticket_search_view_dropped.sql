-- #27: ticket search no longer reads the view ticket_search_text (V112): one statement now unions the hits of each
-- table (a BitmapOr over the subject and description indexes with the areas' conditions on the same heap row, and the
-- comments' partial indexes), which halves the work of a search and lets the total and the page come from one
-- snapshot (see docs/architecture.md, Search indexes). The trigram indexes stay as they are.
drop view if exists ticket_search_text;
