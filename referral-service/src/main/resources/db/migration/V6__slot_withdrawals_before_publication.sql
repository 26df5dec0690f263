-- Capacity events arrive out of order (DOMAIN.md §4): a session's referral slots withdrawn before the session's
-- publication reaches the service were lost (the update found no row). Such a withdrawal now makes the session's row,
-- unpublished, and waits in withdrawn_before_published until the publication arrives and takes it off.
ALTER TABLE reserved_slot_pool ADD COLUMN published boolean NOT NULL DEFAULT true;
ALTER TABLE reserved_slot_pool ADD COLUMN withdrawn_before_published int NOT NULL DEFAULT 0
    CHECK (withdrawn_before_published >= 0);
