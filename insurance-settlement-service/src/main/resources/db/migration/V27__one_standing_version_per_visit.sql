-- One standing version per outpatient visit, as V26 keeps one per inpatient stay. A visit and a correction of it from
-- another institution (another partition) recorded at the same moment did not see each other's uncommitted row, and
-- both counted in the spend sums. Every version of a visit has one key here: the visit's first report (a first report's
-- own id; a correction's visit_id, the first report its chain of corrects_event_id leads up to when it is recorded,
-- updated when a version in between arrives late). The second insert of a key waits for the first transaction and
-- fails once it commits; the batch is then recorded again and reads the other's row (OutpatientSpend). A correction
-- supersedes what it replaces before it is inserted, so a sequential correction never trips this.
--
-- The standing corrections stored before V27 are keyed here too, by the first report of their chain (a correction in a
-- stored cycle has none and keeps the version it names, as OutpatientSpend keys it): keyed by the version each names,
-- two corrections of one visit standing with different keys (C1 and C2 both correcting P; C3 correcting C1 — C2 and C3
-- stand) would pass the index and stay counted twice. So on a database where a race has already left two versions of
-- a visit standing, the index cannot be built: list them first, each group a visit's first report and its standing
-- versions, and decide which stands (mark the others superseded) before migrating:
--   WITH RECURSIVE up(standing, id) AS (SELECT visit_event_id, visit_event_id FROM outpatient_spend WHERE NOT superseded
--     UNION SELECT up.standing, v.corrects_event_id FROM up JOIN outpatient_spend v ON v.visit_event_id = up.id
--     WHERE v.corrects_event_id IS NOT NULL)
--   SELECT up.id AS first_report, array_agg(up.standing) FROM up LEFT JOIN outpatient_spend v ON v.visit_event_id = up.id
--   WHERE v.visit_event_id IS NULL OR v.corrects_event_id IS NULL GROUP BY up.id HAVING count(*) > 1;
ALTER TABLE outpatient_spend ADD COLUMN visit_id UUID;
WITH RECURSIVE up(standing, id) AS (
    SELECT visit_event_id, corrects_event_id FROM outpatient_spend WHERE NOT superseded AND corrects_event_id IS NOT NULL
    UNION SELECT up.standing, v.corrects_event_id FROM up JOIN outpatient_spend v ON v.visit_event_id = up.id
    WHERE v.corrects_event_id IS NOT NULL),
first_report(standing, id) AS (
    SELECT up.standing, up.id FROM up LEFT JOIN outpatient_spend v ON v.visit_event_id = up.id
    WHERE v.visit_event_id IS NULL OR v.corrects_event_id IS NULL)
UPDATE outpatient_spend s SET visit_id = first_report.id FROM first_report WHERE s.visit_event_id = first_report.standing;
CREATE UNIQUE INDEX outpatient_spend_one_standing_version
    ON outpatient_spend ((coalesce(visit_id, corrects_event_id, visit_event_id))) WHERE NOT superseded;
