-- The two periodic jobs read their rows through an index instead of a sequential scan of a table that only grows
-- (README, "Missed appointments" and "Reserved capacity"; 2026-11-25 (8)).

-- 1. The no-show look (MissedAppointments): SCHEDULED referrals whose appointment is more than the grace past, oldest
--    first, paged by (appointment, id). The obvious index, on (appointment_at, id) where status = 'SCHEDULED', would
--    make every transition a non-HOT update: a column in an index's predicate counts as indexed, and every transition
--    changes status, so each one would insert into all referral indexes again (the cost V3 took away, "Where
--    PostgreSQL's CPU goes"). This column holds the appointment only while the referral is SCHEDULED; its value changes
--    when a referral enters SCHEDULED and when it leaves it, nowhere else, so the other transitions (approve, accept,
--    reject, start-treatment, complete, follow-up) stay HOT. The index holds SCHEDULED referrals only, in the look's order.
--    Adding a stored generated column rewrites the table once, under an exclusive lock.
alter table referral add column scheduled_appointment_at timestamptz
    generated always as (case when status = 'SCHEDULED' then appointment_at end) stored;
create index referral_scheduled_appointment on referral (scheduled_appointment_at, id)
    where scheduled_appointment_at is not null;

-- 2. The release job (UnusedSlotRelease): sessions opening within the lead time. Its query bounds session_date (what
--    the opening implies), read through this index. Not partial on the free slots: held changes at every slot hold and
--    release, and a predicate on it would make those updates non-HOT; session_date never changes.
create index reserved_slot_pool_session_date on reserved_slot_pool (session_date);
