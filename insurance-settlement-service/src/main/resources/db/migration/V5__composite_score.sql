-- The scorer's latest composite per scored entity and period (FactorScoreComputed), frozen into closes.
CREATE TABLE composite_score (
    entity_kind  TEXT          NOT NULL,
    entity_id    TEXT          NOT NULL,
    period       TEXT          NOT NULL,
    composite    NUMERIC(7, 4) NOT NULL,
    rule_version TEXT          NOT NULL,
    event_id     UUID          NOT NULL,
    occurred_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (entity_kind, entity_id, period)
);
