-- expect-file: duplicate-version "also the version of"
ALTER TABLE tags ADD COLUMN label text;
