-- Trigram (V112) against full-text search on ticket.description for the same 40 words as the "word" phase: builds
-- a tsvector GIN index ('simple' configuration: the words are not English, and a stemming configuration would
-- change what matches), counts each word's tickets both ways on one backend and prints the times, the index
-- sizes and the build time of the full-text index; then drops it. Needs the trigram indexes in place.
\set ON_ERROR_STOP on
set client_min_messages = notice;
do $$
declare
    w text;
    t0 timestamptz;
    n bigint;
    trgm_hits bigint := 0;
    fts_hits bigint := 0;
    trgm interval := '0';
    fts interval := '0';
    build interval;
begin
    t0 := clock_timestamp();
    create index bench_description_fts on ticket using gin (to_tsvector('simple', description));
    build := clock_timestamp() - t0;
    analyze ticket;
    for w in select word from bench_word where rank between 1000 and 8000 order by md5(word) limit 40 loop
        t0 := clock_timestamp();
        execute 'select count(*) from ticket where lower(description) like $1' into n using '%' || w || '%';
        trgm := trgm + (clock_timestamp() - t0);
        trgm_hits := trgm_hits + n;
        t0 := clock_timestamp();
        execute 'select count(*) from ticket where to_tsvector(''simple'', description) @@ plainto_tsquery(''simple'', $1)'
            into n using w;
        fts := fts + (clock_timestamp() - t0);
        fts_hits := fts_hits + n;
    end loop;
    raise notice 'FTS-COMPARE trigram LIKE: % ms per word (% hits per word, substring matches included)',
        round(extract(epoch from trgm) * 1000 / 40, 1), trgm_hits / 40;
    raise notice 'FTS-COMPARE tsvector @@: % ms per word (% hits per word, whole words only)',
        round(extract(epoch from fts) * 1000 / 40, 1), fts_hits / 40;
    raise notice 'FTS-COMPARE index sizes: trigram % (build: see above), tsvector % (build % s)',
        pg_size_pretty(pg_relation_size('ticket_description_trgm')),
        pg_size_pretty(pg_relation_size('bench_description_fts')), round(extract(epoch from build)::numeric, 1);
    drop index bench_description_fts;
end $$;
