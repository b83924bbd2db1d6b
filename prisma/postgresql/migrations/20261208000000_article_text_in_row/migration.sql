-- A search checks its phrases against "Article"."text" in up to a thousand stories
-- (lib/search/postgres/). A story's text, about 2.5 KB once compressed, was moved out of the row
-- into the TOAST table, so each check first looked it up there (an index lookup, then two chunks).
-- Now it stays in the row, compressed (STORAGE MAIN: out of line only when the row cannot fit
-- otherwise), and a row may grow to 4 KB before anything is moved out; the HTML, which only the
-- story's own page reads, still goes first. Rows written from now on are laid out so: an ingest
-- writes the stories it adds or changes, and the others move when their column is rewritten
-- (README, PostgreSQL).
ALTER TABLE "Article" ALTER COLUMN "text" SET STORAGE MAIN;
ALTER TABLE "Article" SET (toast_tuple_target = 4096);
