-- The DIP year-end clearing (年终清算) revalues a year's cases at the point value the year's budget buys:
-- point value = budget ÷ Σ points (DOMAIN.md §7). A case keeps what it needs for that: its (adjusted) DIP score and
-- the coefficient it was paid with (both NULL for rows settled before V13, and dip_points NULL for DRG cases).
ALTER TABLE case_settlement ADD COLUMN dip_points NUMERIC, ADD COLUMN coefficient NUMERIC;

-- One clearing per rule area and year, final (a correction would be a new clearing design, not an update).
CREATE TABLE dip_clearing (
    area          TEXT        NOT NULL,
    clearing_year INTEGER     NOT NULL,
    budget_fen    BIGINT      NOT NULL,
    point_value   NUMERIC     NOT NULL,
    result_json   TEXT        NOT NULL,
    cleared_by    TEXT        NOT NULL,
    cleared_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (area, clearing_year)
);
