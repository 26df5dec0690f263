-- A DIP year-end clearing posts to the ledger too (the fund pays or claws back each institution's adjustment). Its
-- entries belong to the books of the rule area and year it cleared, not to an alliance's period: each entry belongs
-- to exactly one of the two.
ALTER TABLE ledger_entry
    ALTER COLUMN alliance_id DROP NOT NULL,
    ALTER COLUMN period DROP NOT NULL,
    ADD COLUMN clearing_area TEXT,
    ADD COLUMN clearing_year INTEGER,
    ADD CONSTRAINT ledger_entry_one_book CHECK (
        (alliance_id IS NOT NULL AND period IS NOT NULL AND clearing_area IS NULL AND clearing_year IS NULL)
        OR (alliance_id IS NULL AND period IS NULL AND clearing_area IS NOT NULL AND clearing_year IS NOT NULL));
CREATE INDEX ledger_entry_by_clearing ON ledger_entry (clearing_area, clearing_year) WHERE clearing_area IS NOT NULL;
