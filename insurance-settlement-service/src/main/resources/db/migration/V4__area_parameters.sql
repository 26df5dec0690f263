-- Versions of each pilot area's settlement rules (AreaParameters as canonical JSON). A case, a budget and
-- a close use the version in force for their division on their date: the most specific area (county, then
-- city, then province) with the latest effective_from not after that date. Versions are never edited.
CREATE TABLE area_parameters (
    version_id      TEXT        PRIMARY KEY,
    area            TEXT        NOT NULL,
    effective_from  DATE        NOT NULL,
    parameters_json TEXT        NOT NULL,
    loaded_by       TEXT        NOT NULL,
    loaded_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (area, effective_from)
);

-- SYNTHETIC province-wide seed (coefficients, deductibles, thresholds, tiers, bands, growth and reserve are
-- illustrative placeholders, NOT Hunan's rules): it keeps every Hunan division settleable until its area
-- loads its own version. The DRG base rate applies to the real Changsha 2023 relative weights.
INSERT INTO area_parameters (version_id, area, effective_from, parameters_json, loaded_by, loaded_at) VALUES (
    '430000/2000-01-01', '430000', DATE '2000-01-01',
    -- (a newline after the opening dollar tag: Flyway would read "$" + "{" as a placeholder)
    $json$
{"budget":{"growthRate":0.05,"riskReserveRate":0.05},
"caseRules":{"method":"DRG","drgBaseRate":"10000.00","dipPointValue":12.5,
"levelCoefficients":{"VILLAGE":0.70,"TOWNSHIP":0.80,"COUNTY":0.90,"CITY":1.00,"PROVINCE":1.10},
"primaryDiseaseCoefficient":0.85,"complexityWeights":{"1":1.10,"3":1.05},
"drgThresholds":{"lowRatio":0.4,"highRatio":3,"reviewRatio":5},
"dipThresholds":{"lowRatio":0.5,"highRatio":2,"reviewRatio":5},
"deductibles":{"VILLAGE":"100.00","TOWNSHIP":"300.00","COUNTY":"600.00","CITY":"900.00","PROVINCE":"1200.00"},
"drgReviewCap":0.05,"dipReviewCap":0.005},
"closeRules":{"tiers":[{"minScore":90,"retainedShare":1},{"minScore":80,"retainedShare":0.8},{"minScore":0,"retainedShare":0.5}],
"surplusCapShareOfPackage":null,
"bands":[{"upToShareOfPackage":0.05,"allianceShare":0.40},{"upToShareOfPackage":0.10,"allianceShare":0.70}],
"specialCircumstanceAllianceShare":0.70,"reserveShare":0.10,"primaryFloorShare":0.05,"tertiaryAlpha":0.20,
"referralRateTargetFall":0.05}}$json$,
    'seed (synthetic)', TIMESTAMPTZ '2026-01-01 00:00:00+00');
