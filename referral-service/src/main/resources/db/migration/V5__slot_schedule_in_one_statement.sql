-- A slot schedule is one statement (ReferralRows.scheduleOnSlot): it holds the slot and writes the
-- transition, its timeline entry and its outbox rows, with no BEGIN/COMMIT around them — one round
-- trip instead of four on the busiest call. The transition is written only if the referral is still
-- at the version decided on; should another transition have committed first, the slot the statement
-- just held must not stay held. Plain SQL cannot make a statement fail, so the statement's result is
-- passed through this function, which raises in that case: the whole statement, hold included, rolls
-- back, and the service answers as for any lost race (SQLSTATE 40001, serialization_failure).
create function referral_schedule_written(referral_id text, slot_held boolean, referral_written boolean)
    returns boolean
    language plpgsql
    volatile
as $$
begin
    if slot_held and not referral_written then
        raise exception 'referral % moved on before its schedule was written; the slot it held is given back', referral_id
            using errcode = 'serialization_failure';
    end if;
    return referral_written;
end
$$;
