-- The inpatient guidance catalogue (住院病种引导目录, mma.matrix.guidance-catalogue), latest entry per ICD-10
-- prefix: a discharge whose principal diagnosis falls under a primary-level disease (基层病种) is paid with the
-- area's one primary-disease coefficient whatever the institution's level. The most specific prefix decides.
CREATE TABLE guidance_catalogue (
    icd10_prefix           TEXT        PRIMARY KEY,
    lowest_inpatient_level TEXT        NOT NULL,
    primary_level_disease  BOOLEAN     NOT NULL,
    catalogue_version      TEXT        NOT NULL,
    event_id               UUID        NOT NULL,
    occurred_at            TIMESTAMPTZ NOT NULL
);
