-- The special-case review queue (特例单议): cases settled as EXPERT_REVIEW wait, paid the standard, for an insurance
-- officer of the fund that pays (the insured area, 参保地) to approve what the case is paid.
-- Rows settled before V9 have no insured area: only province-wide officers and auditors see them in the queue.
ALTER TABLE case_settlement ADD COLUMN insured_area TEXT;
CREATE INDEX case_settlement_review_queue ON case_settlement (settled_at, discharge_event_id)
    WHERE outlier = 'EXPERT_REVIEW' AND NOT superseded;

CREATE TABLE case_review_decision (
    discharge_event_id UUID        PRIMARY KEY REFERENCES case_settlement (discharge_event_id),
    approved_fen       BIGINT      NOT NULL CHECK (approved_fen >= 0),
    fund_payable_fen   BIGINT      NOT NULL,
    previous_fund_payable_fen BIGINT NOT NULL,
    reason             TEXT        NOT NULL,
    decided_by         TEXT        NOT NULL,
    decided_at         TIMESTAMPTZ NOT NULL
);
