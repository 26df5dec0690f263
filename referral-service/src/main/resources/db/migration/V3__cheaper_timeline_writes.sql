-- What PostgreSQL does per referral call, made cheaper without changing what is stored or when it
-- is durable (README, "Where PostgreSQL's CPU goes"). Measured at 200 referrals/s: the backends
-- take 79–85 % of PostgreSQL's CPU, the walsender 15–21 %, checkpointer/autovacuum < 1 %.

-- 1. The timeline's key is (referral_id, sequence): that is how it is read and what makes two writers
--    of the same transition collide (ReferralService maps a violation of this constraint, by name, to
--    a stale version). The event_id primary key was an extra B-tree on a random UUID, maintained on
--    every event and never read. event_id stays a NOT NULL column (the id the event carries).
alter table referral_event drop constraint referral_event_pkey;
alter table referral_event drop constraint referral_event_referral_id_sequence_key;
alter table referral_event add constraint referral_event_referral_id_sequence_key primary key (referral_id, sequence);

-- The foreign key from referral_event to referral stays, though every timeline row is written by the
-- same statement as its referral row: it costs a lookup per event, and it is what still holds if some
-- other path (a repair, a data migration) ever writes the timeline.

-- 2. Each referral row is updated twice right after its insert (accept, schedule). With full pages
--    a new version that does not fit on its page is a non-HOT update that inserts into all four
--    referral indexes (0.4–19 % of updates at 200/s, run to run). Free space on each page keeps them HOT.
alter table referral set (fillfactor = 70);
