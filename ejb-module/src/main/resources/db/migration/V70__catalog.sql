-- Master lists with owners (#23, 000 M4.4): the categories, products (SKUs) and sites a ticket may carry, each
-- with a name and the team that answers for it. Tickets are checked against the active entries when a value is
-- set or changed; a retired entry stays on the tickets that already carry it. Codes keep the ticket's formats.
create sequence catalog_entry_seq start with 50 increment by 50;

create table catalog_entry (
    id          bigint primary key,
    kind        varchar(16) not null,
    code        varchar(40) not null,
    name        varchar(200) not null,
    -- a team key; null only for entries taken over from existing tickets (an owner is set when they are edited)
    owner_team  varchar(40) references team (team_key),
    retired_at  timestamp with time zone,
    created_at  timestamp with time zone not null,
    changed_at  timestamp with time zone not null,
    version     bigint not null default 0,
    constraint catalog_entry_kind check (kind in ('CATEGORY', 'PRODUCT', 'SITE')),
    constraint catalog_entry_kind_code unique (kind, code)
);

-- an upgrade must not refuse what the tickets already say: every value in use becomes an active entry (the
-- categories only the system sets, SECURITY and BACKUP, stay off the list: no caller may choose them)
insert into catalog_entry (id, kind, code, name, created_at, changed_at)
select nextval('catalog_entry_seq'), kind, code, code, now(), now()
from (select distinct 'CATEGORY' as kind, category as code from ticket
          where category is not null and category not in ('SECURITY', 'BACKUP')
      union select distinct 'PRODUCT', product_sku from ticket where product_sku is not null
      union select distinct 'SITE', site_code from ticket where site_code is not null) used
where length(code) <= 40;
