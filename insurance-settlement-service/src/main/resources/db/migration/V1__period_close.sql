-- Period closes: the frozen snapshot and its result, both canonical JSON (SettlementJson), one row per revision.
CREATE TABLE period_close (
    alliance_id   TEXT        NOT NULL,
    period        TEXT        NOT NULL,
    revision      INTEGER     NOT NULL,
    division_code TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('CLOSED', 'REOPENED')),
    snapshot_id   TEXT        NOT NULL,
    snapshot_json TEXT        NOT NULL,
    result_json   TEXT        NOT NULL,
    closed_by     TEXT        NOT NULL,
    closed_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (alliance_id, period, revision)
);
-- At most one standing close per alliance and period: a concurrent second close fails here.
CREATE UNIQUE INDEX period_close_one_standing ON period_close (alliance_id, period) WHERE status = 'CLOSED';

-- Who closed and reopened what, and why.
CREATE TABLE close_audit (
    id          UUID        PRIMARY KEY,
    alliance_id TEXT        NOT NULL,
    period      TEXT        NOT NULL,
    revision    INTEGER     NOT NULL,
    action      TEXT        NOT NULL CHECK (action IN ('CLOSE', 'REOPEN')),
    actor       TEXT        NOT NULL,
    reason      TEXT,
    at          TIMESTAMPTZ NOT NULL
);

-- Double-entry ledger: every transaction's debits equal its credits (LedgerTransaction checks before insert).
CREATE TABLE ledger_entry (
    id             UUID        PRIMARY KEY,
    transaction_id TEXT        NOT NULL,
    alliance_id    TEXT        NOT NULL,
    period         TEXT        NOT NULL,
    account        TEXT        NOT NULL,
    side           TEXT        NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount_fen     BIGINT      NOT NULL CHECK (amount_fen >= 0),
    memo           TEXT        NOT NULL,
    posted_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ledger_entry_by_alliance_period ON ledger_entry (alliance_id, period);
CREATE INDEX ledger_entry_by_account ON ledger_entry (account);
