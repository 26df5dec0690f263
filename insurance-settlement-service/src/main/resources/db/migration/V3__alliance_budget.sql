-- Where the patient lives: a budget's base spend is the covered population's care wherever it was given.
-- Rows settled before this migration have no residence and count towards no budget.
ALTER TABLE case_settlement ADD COLUMN residence_division TEXT;
CREATE INDEX case_settlement_by_residence ON case_settlement (settlement_year, residence_division) WHERE NOT superseded;

-- Alliances as the matrix topic last stated them: members and the divisions whose residents they cover.
-- Lists are stored comma-joined: they are read whole and never queried element by element in SQL.
CREATE TABLE alliance (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    member_ids         TEXT NOT NULL,
    covered_divisions  TEXT NOT NULL,
    event_id           UUID NOT NULL
);

-- One package total per alliance and year: a DRAFT recomputed on request until an officer approves it.
-- version is the optimistic lock and the ETag an approval must quote (If-Match).
CREATE TABLE alliance_budget (
    alliance_id           TEXT          NOT NULL,
    budget_year           INTEGER       NOT NULL,
    version               INTEGER       NOT NULL,
    status                TEXT          NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
    base_year             INTEGER       NOT NULL,
    base_spend_fen        BIGINT        NOT NULL CHECK (base_spend_fen >= 0),
    settled_cases         BIGINT        NOT NULL,
    growth_rate           NUMERIC(9, 6) NOT NULL,
    risk_reserve_rate     NUMERIC(9, 6) NOT NULL,
    grown_spend_fen       BIGINT        NOT NULL,
    risk_reserve_fen      BIGINT        NOT NULL,
    carve_outs_fen        BIGINT        NOT NULL CHECK (carve_outs_fen >= 0),
    factor_adjustment_fen BIGINT        NOT NULL,
    package_total_fen     BIGINT        NOT NULL CHECK (package_total_fen >= 0),
    parameter_version     TEXT          NOT NULL,
    requested_by          TEXT          NOT NULL,
    requested_at          TIMESTAMPTZ   NOT NULL,
    approved_by           TEXT,
    approved_at           TIMESTAMPTZ,
    PRIMARY KEY (alliance_id, budget_year)
);
