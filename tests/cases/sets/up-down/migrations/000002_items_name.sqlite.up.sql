-- Another database's dialect: not linted, never replayed.
ALTER TABLE items ADD name TEXT COLLATE NOCASE;;
