-- Criteria sets (bộ tiêu chí): one immutable row per published version; the tree is kept as the JSON body the API shows.
create table criteria_set (
    id             varchar(60)  primary key,
    title          varchar(300) not null,
    product_set    integer      not null check (product_set between 1 and 26),
    decision       varchar(100) not null,
    effective_from date         not null,
    effective_to   date,
    body           text         not null,
    body_hash      varchar(64)  not null,
    published_at   timestamptz  not null,
    published_by   varchar(200) not null
);
create index criteria_set_product_set on criteria_set (product_set, effective_from);
