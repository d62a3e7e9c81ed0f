-- Filings and complaints get their ids from the filing writer, the highest of each read
-- under the write lock (src/storage/sql/filing_writer.hpp), so that no filing waits to learn
-- its ids. A sequence of their own would fall behind and give out ids already taken; without
-- one, an insert that names no id fails at once instead. (SQLite gives a row without an id
-- the highest plus one, the same number.)
ALTER TABLE filings ALTER COLUMN id DROP IDENTITY;
ALTER TABLE complaints ALTER COLUMN id DROP IDENTITY;
