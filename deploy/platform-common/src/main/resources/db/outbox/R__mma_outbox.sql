-- Transactional outbox of a service (deploy/platform-common, README.md).
--
-- Services write a row in the SAME transaction as the state change it announces; the outbox relay
-- streams committed inserts from the write-ahead log to Kafka and then deletes the rows.
--
-- A repeatable migration, not a versioned one: Flyway applies it after the service's own versioned
-- migrations (so it never forces them out of order) and again whenever this file changes. Every
-- statement must therefore be idempotent.

CREATE TABLE IF NOT EXISTS outbox (
    id            uuid        PRIMARY KEY,            -- event id, sent as ce_id
    aggregatetype text        NOT NULL,               -- destination Kafka topic
    aggregateid   text        NOT NULL,               -- record key (fixes the partition)
    type          text        NOT NULL,               -- event type, sent as ce_type
    payload       text        NOT NULL,               -- event JSON, byte for byte as the codec wrote it
    occurred_at   timestamptz NOT NULL,               -- when the fact happened, sent as ce_time
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Insertion order, for the rows a new replication slot cannot see and the relay sends from the table (OutboxSweep):
-- the row id is random, and the rows of one transaction share created_at. A bigserial, so rows keep being written
-- without naming it.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS seq bigserial;

-- Slots the relay has created and whose older rows it has not yet sent from the table (a new slot never decodes rows
-- committed before it existed: OutboxSweep). Written before the slot is created, deleted once those rows are
-- acknowledged by Kafka, so that a relay stopped in between sends them at its next start. slot_created_at, set once
-- the slot exists: rows of transactions begun after it are the slot's to decode, not the sweep's.
CREATE TABLE IF NOT EXISTS outbox_sweep_pending (
    slot_name       text        PRIMARY KEY,
    slot_created_at timestamptz
);

-- Logical replication publishes exactly this table, and only its inserts: the relay's own deletes
-- never travel to it. The relay creates the same publication if a deployment skipped this file.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'mma_outbox') THEN
        CREATE PUBLICATION mma_outbox FOR TABLE outbox WITH (publish = 'insert');
    END IF;
END
$$;
