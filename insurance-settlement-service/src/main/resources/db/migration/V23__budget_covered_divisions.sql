-- The divisions whose residents' spend a draft counted, comma-joined as the alliance row stores them. An approval of a
-- draft computed for other divisions than the alliance covers now is refused: its package would be set against the
-- spend of another population at close. Drafts stored before this migration have none and are drafted again.
ALTER TABLE alliance_budget ADD COLUMN covered_divisions TEXT;
