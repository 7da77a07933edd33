-- Request counters of the API rate limits (#22): one row per bucket (a credential or a source address) and
-- fixed window. Shared by every node that uses this database. UNLOGGED: counters need no crash safety, and a
-- restart that empties them only forgives one window.
create unlogged table rate_limit_window (
    bucket        varchar(300) not null,
    -- the window's start, in seconds since the epoch
    window_start  bigint       not null,
    hits          integer      not null,
    primary key (bucket, window_start)
);

create index rate_limit_window_start on rate_limit_window (window_start);
