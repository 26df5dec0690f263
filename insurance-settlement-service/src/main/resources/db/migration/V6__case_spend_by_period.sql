-- A close gathers the alliance's actual spend from the settled cases of its covered residents in
-- the period: the discharge date places a case in a half-year, the residence's county finds the
-- covered population through an index instead of a scan of the province's cases.
-- Rows settled before V6 have no discharge date and count towards no period.
ALTER TABLE case_settlement ADD COLUMN discharge_date DATE;
ALTER TABLE case_settlement ADD COLUMN residence_county TEXT GENERATED ALWAYS AS (left(residence_division, 6)) STORED;
CREATE INDEX case_settlement_spend ON case_settlement (residence_county, discharge_date) WHERE NOT superseded;
