DROP INDEX crates_owner_idx;
