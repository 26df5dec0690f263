-- One standing version per stay, kept by the database across concurrent batches. An original and a correction naming
-- it can be settled at the same moment by two consumers (the correction reported by another institution, so on another
-- partition): neither sees the other's uncommitted row, and both stood — the fund paying the stay twice. Both rows have
-- the same key here (an original its own id, a correction the id it names), so the second insert waits for the first
-- transaction and fails once it commits; the batch is then settled again and reads the other's row (CaseSettlementService).
-- A batch supersedes what its corrections replace before it inserts them, so a sequential correction never trips this.
-- On a database where the race has already left two versions of a stay standing, this index cannot be built: list them
-- with SELECT coalesce(corrects_event_id, discharge_event_id), array_agg(discharge_event_id) FROM case_settlement
-- WHERE NOT superseded GROUP BY 1 HAVING count(*) > 1, and have the insurer decide which stands before migrating.
CREATE UNIQUE INDEX case_settlement_one_standing_version ON case_settlement ((coalesce(corrects_event_id, discharge_event_id)))
    WHERE NOT superseded;
