-- Public catalogue search: trigram index over the folded product name (ocop_fold, V4).
create index product_name_trgm on product using gin (ocop_fold(name) gin_trgm_ops);
create index product_set_index on product (product_set);
