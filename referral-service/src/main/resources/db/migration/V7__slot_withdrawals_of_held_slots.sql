-- A withdrawal (SlotsCancelled, REFERRAL) on a published session takes off only the free slots: a held slot stays the
-- patient's. The part it could not take off was recorded nowhere, so when a referral holding such a slot was cancelled
-- or missed, the slot became free again: schedulable by a third referral, and later opened to the public (helper-80).
-- withdrawn_pending keeps it: a release while any is pending takes the slot off the pool instead of freeing it.
ALTER TABLE reserved_slot_pool ADD COLUMN withdrawn_pending int NOT NULL DEFAULT 0;
-- Never more than held: only a held slot can come back to the pool.
ALTER TABLE reserved_slot_pool ADD CONSTRAINT reserved_slot_pool_withdrawn_pending_held
    CHECK (withdrawn_pending >= 0 AND withdrawn_pending <= held);
