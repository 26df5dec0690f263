-- One standing version per outpatient visit, as V26 keeps one per inpatient stay. A visit and a correction of it from
-- another institution (another partition) recorded at the same moment did not see each other's uncommitted row, and
-- both counted in the spend sums. Every version of a visit has one key here: the visit's first report (a first report's
-- own id; a correction's visit_id, the first report its chain of corrects_event_id leads up to when it is recorded,
-- updated when a version in between arrives late; rows stored before V27 name the version they correct). The second
-- insert of a key waits for the first transaction and fails once it commits; the batch is then recorded again and reads
-- the other's row (OutpatientSpend). A correction supersedes what it replaces before it is inserted, so a sequential
-- correction never trips this. On a database where the race has already left two versions of a visit standing, this
-- index cannot be built: list them with SELECT coalesce(corrects_event_id, visit_event_id), array_agg(visit_event_id)
-- FROM outpatient_spend WHERE NOT superseded GROUP BY 1 HAVING count(*) > 1, and decide which stands before migrating.
ALTER TABLE outpatient_spend ADD COLUMN visit_id UUID;
CREATE UNIQUE INDEX outpatient_spend_one_standing_version
    ON outpatient_spend ((coalesce(visit_id, corrects_event_id, visit_event_id))) WHERE NOT superseded;
