-- Outpatient and emergency visits' fund-paid amounts (mma.care.outpatient-visits), one row per visit event: the
-- budget's base spend and a close's actual spend count the covered population's outpatient care as well as its
-- settled inpatient cases. A correction supersedes the visit it names, whichever of the two arrives first.
CREATE TABLE outpatient_spend (
    visit_event_id     UUID        PRIMARY KEY,
    institution_id     TEXT        NOT NULL,
    residence_division TEXT        NOT NULL,
    residence_county   TEXT        GENERATED ALWAYS AS (left(residence_division, 6)) STORED,
    visit_date         DATE        NOT NULL,
    fund_paid_fen      BIGINT      NOT NULL,
    corrects_event_id  UUID,
    superseded         BOOLEAN     NOT NULL DEFAULT FALSE,
    recorded_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX outpatient_spend_by_residence ON outpatient_spend (residence_county, visit_date) WHERE NOT superseded;
CREATE INDEX outpatient_spend_corrections ON outpatient_spend (corrects_event_id) WHERE corrects_event_id IS NOT NULL;

-- A budget's base spend now says how much of it is outpatient care, and over how many visits (NULL: drafted before V10).
ALTER TABLE alliance_budget ADD COLUMN base_outpatient_fen BIGINT;
ALTER TABLE alliance_budget ADD COLUMN base_visits BIGINT;
