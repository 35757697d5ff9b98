-- Two tables merged into one: every row is copied before the old tables go.
CREATE TABLE user_actions (
  user_id bigint NOT NULL,
  item_id bigint NOT NULL,
  liked boolean NOT NULL DEFAULT false,
  saved boolean NOT NULL DEFAULT false,
  PRIMARY KEY (user_id, item_id)
);

INSERT INTO user_actions (user_id, item_id, liked, saved)
SELECT user_id, item_id, bool_or(liked), bool_or(saved)
FROM (
  SELECT user_id, item_id, true AS liked, false AS saved FROM item_likes
  UNION ALL
  SELECT user_id, item_id, false, true FROM item_saves
) AS a
GROUP BY user_id, item_id;

DROP TABLE item_likes, item_saves;

-- A flag turned into a type code: its information lives on in the new column.
ALTER TABLE webhooks ADD COLUMN kind integer NOT NULL DEFAULT 0;
UPDATE webhooks SET kind = 1 WHERE internal;
ALTER TABLE webhooks DROP COLUMN internal;

-- A setting moved to another table.
INSERT INTO user_preferences (user_id, theme) SELECT id, theme FROM user_data;
ALTER TABLE user_data DROP COLUMN theme;

-- A scratch table the set never created, reset before use.
DROP TABLE IF EXISTS _dedup_map;
CREATE TEMP TABLE _dedup_map AS SELECT id AS loser, min(id) OVER () AS winner FROM user_data;
