-- How a close worked out the inputs its request left out (NULL when the request gave them all): the out-of-area
-- referral rates' periods and episode counts, the members' bases it derived and what they are. Not part of the
-- snapshot, which freezes the inputs themselves: this is the evidence a finance officer checks them by.
ALTER TABLE period_close ADD COLUMN derived_inputs_json TEXT;
