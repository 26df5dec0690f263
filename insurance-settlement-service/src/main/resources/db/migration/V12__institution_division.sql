-- Where an institution is: a close works out the covered population's out-of-area referral rate (DOMAIN.md §6) from
-- the stays it settled, by the treating institution's county. Rows stored before V12 have none until the matrix
-- states the institution again (a reset of the consumer group insurance-settlement-matrix re-reads the compacted topic).
ALTER TABLE institution ADD COLUMN division_code TEXT;
