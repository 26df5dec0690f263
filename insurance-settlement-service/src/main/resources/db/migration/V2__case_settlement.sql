-- Institutions as the matrix topic last stated them (level decides coefficient and deductible).
CREATE TABLE institution (
    id       TEXT PRIMARY KEY,
    level    TEXT NOT NULL,
    event_id UUID NOT NULL
);

-- One row per settled discharge event; a correction supersedes the row of the event it corrects.
CREATE TABLE case_settlement (
    discharge_event_id UUID        PRIMARY KEY,
    institution_id     TEXT        NOT NULL,
    settlement_year    INTEGER     NOT NULL,
    method             TEXT        NOT NULL,
    group_code         TEXT        NOT NULL,
    episode_id         TEXT,
    standard_fen       BIGINT      NOT NULL,
    actual_fen         BIGINT      NOT NULL,
    deductible_fen     BIGINT      NOT NULL,
    fund_payable_fen   BIGINT      NOT NULL,
    outlier            TEXT        NOT NULL,
    rule_version       TEXT        NOT NULL,
    superseded         BOOLEAN     NOT NULL DEFAULT FALSE,
    settled_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_settlement_by_episode ON case_settlement (episode_id) WHERE NOT superseded;
CREATE INDEX case_settlement_by_year ON case_settlement (settlement_year, method);
