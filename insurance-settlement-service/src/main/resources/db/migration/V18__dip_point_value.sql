-- The point value a DIP case was priced at (NULL for DRG cases and rows settled before V18): the area's provisional
-- one during the year, or its year's cleared one for a case settled after the clearing (a correction or a late
-- discharge). With dip_points and coefficient, the row says how its standard was worked out.
ALTER TABLE case_settlement ADD COLUMN dip_point_value NUMERIC;
