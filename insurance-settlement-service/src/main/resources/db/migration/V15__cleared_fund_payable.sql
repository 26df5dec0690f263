-- What the fund pays for a case once its year's DIP clearing has revalued it (NULL until then, and for DRG cases).
-- Spend — a close's actual spend and a budget's base — counts it in place of the provisional fund_payable_fen.
ALTER TABLE case_settlement ADD COLUMN cleared_fund_payable_fen BIGINT;
