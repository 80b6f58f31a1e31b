-- The number of distinct trigrams of the folded name (pg_trgm's own trigrams, show_trgm), kept by the database.
-- When every word of a query is a word of the name (the catalogue's word search), the query's trigrams are among the
-- name's, and pg_trgm's similarity(query, name) is exactly query trigrams / name trigrams: with this count the
-- relevance of a word match is one division per row instead of building and comparing both trigram sets (80 % of a
-- 1,000-match search). A generated column cannot read another one (search_name), hence ocop_fold(name) again.
alter table product add column search_trigrams integer generated always as (cardinality(show_trgm(ocop_fold(name)))) stored;
