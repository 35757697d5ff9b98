DROP INDEX crates_name_idx;
