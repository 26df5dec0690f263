-- Every settled case paid for five B-tree entries; two of them earned little:
-- * case_settlement_by_year (settlement_year, method) served one query, the review counts of a year and method,
--   read once per process and year; case_settlement_by_residence (settlement_year, …) WHERE NOT superseded serves it.
-- * case_settlement_by_episode held every standing case, though only referred stays (one in twenty in the
--   benchmark's province) have an episode: the batch's stays query asks for given episode ids, never for NULL
--   (PostgreSQL proves "episode_id IS NOT NULL" from "episode_id = ANY($1)" and uses this index for that arm).
DROP INDEX case_settlement_by_year;
DROP INDEX case_settlement_by_episode;
CREATE INDEX case_settlement_by_episode ON case_settlement (episode_id) WHERE episode_id IS NOT NULL AND NOT superseded;
