-- A correction names the discharge it corrects. An original that reaches the service after its correction — replayed
-- from the dead-letter topic, say — is then known to be superseded and is not settled beside it (the fund would pay
-- the stay twice). Only corrections are indexed: the batch's already-settled check probes this index too.
-- Corrections stored before V21 name nothing; their originals arriving late are not recognised.
ALTER TABLE case_settlement ADD COLUMN corrects_event_id UUID;
CREATE INDEX case_settlement_by_correction ON case_settlement (corrects_event_id) WHERE corrects_event_id IS NOT NULL;
