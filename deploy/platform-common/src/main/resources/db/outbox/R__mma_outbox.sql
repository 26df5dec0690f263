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

-- Logical replication publishes exactly this table, and only its inserts: the relay's own deletes
-- never travel to it. The relay creates the same publication if a deployment skipped this file.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'mma_outbox') THEN
        CREATE PUBLICATION mma_outbox FOR TABLE outbox WITH (publish = 'insert');
    END IF;
END
$$;
