-- The words of product names (folded: the lexemes of search_vector), for the catalogue's typo correction: a query word
-- that is no name word is replaced by its closest word here (trigram similarity, answered by search_word_trgm) before
-- the words match runs again (CatalogueService). Kept by the database, statement by statement (a bulk import inserts
-- many products per statement), in word order so that two transactions adding the same new words cannot deadlock.
-- Words are never removed when a name changes or a product goes: another name may still have the word, and finding
-- out costs a search per word, while a stale word costs only a correction that then matches nothing (and the
-- whole-query similarity still runs after it).
create table search_word (word text primary key);
create index search_word_trgm on search_word using gin (word gin_trgm_ops) with (fastupdate = off);
insert into search_word (word)
select distinct w from product, unnest(tsvector_to_array(search_vector)) w order by 1;

create function search_word_of_new_products() returns trigger language plpgsql as $$
begin
    insert into search_word (word)
    select distinct w from new_product, unnest(tsvector_to_array(search_vector)) w order by 1
    on conflict do nothing;
    return null;
end $$;

-- An update trigger with transition tables cannot name columns (update of name): the renamed rows are found by
-- comparing the two tables, so that status or detail changes add nothing.
create function search_word_of_renamed_products() returns trigger language plpgsql as $$
begin
    insert into search_word (word)
    select distinct w from new_product n join old_product o on o.id = n.id and o.name <> n.name,
           unnest(tsvector_to_array(n.search_vector)) w order by 1
    on conflict do nothing;
    return null;
end $$;

create trigger product_search_words_insert after insert on product referencing new table as new_product
    for each statement execute function search_word_of_new_products();
create trigger product_search_words_update after update on product referencing old table as old_product new table as new_product
    for each statement execute function search_word_of_renamed_products();
