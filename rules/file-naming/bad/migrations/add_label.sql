-- expect-file: file-naming
ALTER TABLE tags ADD COLUMN label text;
