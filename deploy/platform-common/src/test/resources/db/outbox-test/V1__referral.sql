-- A service's own state, changed in the same transactions as the outbox rows in the relay tests.
CREATE TABLE referral (
    id         text        PRIMARY KEY,
    status     text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
