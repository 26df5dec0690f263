-- How a close worked out the out-of-area referral rates its request left out: per rate, the period and the episode
-- counts behind it (NULL when the request gave both). Not part of the snapshot, whose inputs are the rates themselves:
-- this is the evidence a finance officer checks them by.
ALTER TABLE period_close ADD COLUMN referral_rate_basis_json TEXT;
