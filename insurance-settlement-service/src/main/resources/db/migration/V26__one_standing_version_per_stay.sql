-- One standing version per stay, kept by the database across concurrent batches. An original and a correction of it
-- can be settled at the same moment by two consumers (the correction reported by another institution, so on another
-- partition): neither sees the other's uncommitted row, and both stood — the fund paying the stay twice. Every version
-- of a stay has one key here: the stay's first report (an original's own id; a correction's stay_id, the first report
-- its chain leads up to as the batch knew it, kept up to date when a version in between arrives late; rows stored
-- before V26 name the version they correct). The second insert of a key waits for the first transaction and fails
-- once it commits; its batch is then settled again and reads the other's row (CaseSettlementService, StayChains).
-- A batch supersedes what its corrections replace before it inserts them, so a sequential correction never trips this.
-- On a database where the race has already left two versions of a stay standing, this index cannot be built: list them
-- with SELECT coalesce(corrects_event_id, discharge_event_id), array_agg(discharge_event_id) FROM case_settlement
-- WHERE NOT superseded GROUP BY 1 HAVING count(*) > 1, and have the insurer decide which stands before migrating.
ALTER TABLE case_settlement ADD COLUMN stay_id UUID;
CREATE UNIQUE INDEX case_settlement_one_standing_version
    ON case_settlement ((coalesce(stay_id, corrects_event_id, discharge_event_id))) WHERE NOT superseded;
