-- The review queue is read by area: a county officer's page should not walk the province's queue. Insured areas
-- are digit codes and a caller's area a prefix of them, so the queue query asks for the range [prefix, prefix || ':')
-- in byte order (':' follows '9'), which this index serves whatever the database's collation.
CREATE INDEX case_settlement_review_queue_by_area ON case_settlement ((insured_area COLLATE "C"), settled_at, discharge_event_id)
    WHERE outlier = 'EXPERT_REVIEW' AND NOT superseded;
