ALTER TABLE tags ADD COLUMN label text;
