-- What a draft's base counted at a provisional DIP point value: the covered residents' DIP stays of the base year whose
-- area had not cleared that year when the draft was computed (their amounts change at the clearing). NULL for drafts
-- computed before V25.
ALTER TABLE alliance_budget ADD COLUMN provisional_dip_cases BIGINT, ADD COLUMN provisional_dip_fen BIGINT;
