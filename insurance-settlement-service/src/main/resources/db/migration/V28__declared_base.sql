-- A budget year's declared base (2026-11-25 (9)): the covered residents' fund-paid spend in the base year as the insurance
-- bureau's legacy settlement system recorded it, for a first budget year whose base year predates the platform. Every
-- declaration and withdrawal is a row, never updated or deleted (the audit trail); the standing declaration of an
-- alliance and year is its latest row, when that row declares.
CREATE TABLE declared_base (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alliance_id    TEXT        NOT NULL,
    budget_year    INTEGER     NOT NULL,
    action         TEXT        NOT NULL CHECK (action IN ('DECLARED', 'WITHDRAWN')),
    base_spend_fen BIGINT      CHECK (base_spend_fen > 0),
    source         TEXT,
    -- the divisions whose residents' spend the figure is (sorted, comma-separated, as alliance_budget.covered_divisions):
    -- the alliance's when it was declared; a draft uses it only while the alliance covers exactly these
    covered_divisions TEXT,
    recorded_by    TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    CHECK ((action = 'DECLARED') = (base_spend_fen IS NOT NULL AND source IS NOT NULL AND covered_divisions IS NOT NULL))
);
CREATE INDEX declared_base_by_year ON declared_base (alliance_id, budget_year, id);

-- The declaration a draft was computed on (NULL: the platform's own spend), and the platform's spend beside it.
-- Both NULL on drafts computed before V28, which were all based on the platform's spend (base_spend_fen).
ALTER TABLE alliance_budget ADD COLUMN declared_base_id BIGINT REFERENCES declared_base (id),
    ADD COLUMN platform_base_spend_fen BIGINT;
