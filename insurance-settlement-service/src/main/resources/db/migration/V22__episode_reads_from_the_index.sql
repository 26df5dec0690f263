-- The other stays of a close's referral episodes (the out-of-area rate, the partners' kept-in-area cases) are found
-- through case_settlement_by_episode, then read from the heap for their date and institution: one scattered heap
-- page per stay. Read cold — as a close reads a half-year it has not touched since — the episodes read of eight large
-- counties took 7.3–11.5 s on 15 million cases, against 3.1–3.3 s with the columns in the index (2026-11-25, caches
-- dropped before each run). The columns the batch's own episode read needs (id and deductible) come along, so it is
-- index-only too. The index holds only stays that have an episode. IF NOT EXISTS: on a large live table an operator
-- builds it beforehand with CREATE INDEX CONCURRENTLY under this name (README, Persistence).
CREATE INDEX IF NOT EXISTS case_settlement_by_episode_covering ON case_settlement (episode_id)
    INCLUDE (discharge_date, institution_id, deductible_fen, discharge_event_id)
    WHERE episode_id IS NOT NULL AND NOT superseded;
DROP INDEX case_settlement_by_episode;
ALTER INDEX case_settlement_by_episode_covering RENAME TO case_settlement_by_episode;
