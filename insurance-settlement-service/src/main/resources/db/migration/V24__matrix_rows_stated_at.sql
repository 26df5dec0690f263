-- When the matrix stated what an institution or alliance row holds (the snapshot's occurredAt). A snapshot stated
-- earlier than the row's, delivered late (a replay from a dead-letter topic, a record keyed wrongly that survived
-- compaction), is ignored instead of turning the row back. Null for rows stored before: the next snapshot applies.
ALTER TABLE institution ADD COLUMN stated_at TIMESTAMPTZ;
ALTER TABLE alliance ADD COLUMN stated_at TIMESTAMPTZ;
