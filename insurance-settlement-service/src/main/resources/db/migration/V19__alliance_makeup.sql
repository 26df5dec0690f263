-- Every make-up the matrix stated for an alliance (AllianceSnapshot; a dissolution as a make-up of nobody), by when it
-- was stated. A close pays the members the alliance had during its period — a member that left in March still earned
-- its share of the first half — while the alliance row holds only the make-up stated last.
CREATE TABLE alliance_makeup (
    event_id                   UUID        PRIMARY KEY,
    alliance_id                TEXT        NOT NULL,
    stated_at                  TIMESTAMPTZ NOT NULL,
    member_ids                 TEXT[]      NOT NULL,
    -- NULL for a make-up carried over from before V19: the alliance row did not keep its tertiary partners.
    collaborating_tertiary_ids TEXT[]
);

CREATE INDEX alliance_makeup_by_alliance ON alliance_makeup (alliance_id, stated_at);

-- The make-ups stated before V19 are known only as they were last stated, from an unknown date: they are taken as in
-- force since before any period, until the snapshot is redelivered with its date (AllianceMakeups.RECORD). A dissolved
-- alliance's row keeps the make-up it had (under a new id: the row's event id is the dissolution's), and its
-- dissolution is a make-up of nobody from the day it was stated.
INSERT INTO alliance_makeup (event_id, alliance_id, stated_at, member_ids, collaborating_tertiary_ids)
SELECT CASE WHEN dissolved_at IS NULL THEN event_id ELSE gen_random_uuid() END, id, '-infinity',
       string_to_array(member_ids, ','), NULL
FROM alliance WHERE covered_divisions <> '';
INSERT INTO alliance_makeup (event_id, alliance_id, stated_at, member_ids, collaborating_tertiary_ids)
SELECT event_id, id, dissolved_at, '{}', '{}' FROM alliance WHERE dissolved_at IS NOT NULL;
