-- When the matrix dissolved the alliance (AllianceDissolution on mma.matrix.alliances); NULL while it exists.
-- A dissolution keeps member_ids and covered_divisions as they were before it: budgets and closes of
-- the years the alliance existed are read and closed against that make-up, not against the lead alone.
ALTER TABLE alliance ADD COLUMN dissolved_at TIMESTAMPTZ;
