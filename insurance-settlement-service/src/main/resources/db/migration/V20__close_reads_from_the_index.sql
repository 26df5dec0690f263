-- A close reads its covered residents' stays of a half-year four times (actual spend, members' fund contributions,
-- the episodes of the out-of-area rate, the partners' kept-in-area cases). A county's stays lie scattered over the
-- whole table — cases arrive in discharge order from every county — so each read fetched about one heap page per
-- stay: at 15 million cases a county's 60,000 stays took a second per query, and closing the province's 145
-- alliances took 119 s (2026-11-24). Carrying the columns those queries read in the index lets PostgreSQL answer them
-- from the index alone (an index-only scan, on pages the visibility map marks all-visible). IF NOT EXISTS: on a large
-- live table an operator builds it beforehand with CREATE INDEX CONCURRENTLY under this name (README, Persistence).
CREATE INDEX IF NOT EXISTS case_settlement_spend_covering ON case_settlement (residence_county, discharge_date)
    INCLUDE (residence_division, institution_id, episode_id, discharge_event_id, fund_payable_fen, cleared_fund_payable_fen)
    WHERE NOT superseded;
DROP INDEX case_settlement_spend;
ALTER INDEX case_settlement_spend_covering RENAME TO case_settlement_spend;
-- Cases are only ever inserted (corrections aside): autovacuum's insert trigger is what sets the visibility map.
-- At the default (20 % of the table) the newest fifth of a year's cases would still be read from the heap.
ALTER TABLE case_settlement SET (autovacuum_vacuum_insert_scale_factor = 0.02);
