-- The hospital-matrix registry: the latest state of each institution, alliance, specialty and
-- guidance-catalogue entry. Every row keeps the id and time of the snapshot last published for it,
-- so an import can tell "already published" from "changed" without reading Kafka.

CREATE TABLE institution (
    id             text PRIMARY KEY,
    name           text        NOT NULL,
    level          text        NOT NULL,
    kind           text        NOT NULL,
    division_code  text        NOT NULL,
    -- Unconstrained numeric keeps the surveyed precision exactly as published.
    latitude       numeric,
    longitude      numeric,
    active         boolean     NOT NULL,
    last_event_id  uuid        NOT NULL,
    last_event_at  timestamptz NOT NULL
);
-- Operators list by division prefix (city, county, township): text_pattern_ops serves LIKE 'prefix%'.
CREATE INDEX institution_division_idx ON institution (division_code text_pattern_ops);
CREATE INDEX institution_level_idx ON institution (level);

CREATE TABLE institution_alliance (
    institution_id text    NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    alliance_id    text    NOT NULL,
    PRIMARY KEY (institution_id, position)
);
CREATE INDEX institution_alliance_alliance_idx ON institution_alliance (alliance_id);

CREATE TABLE alliance (
    id                  text PRIMARY KEY,
    name                text        NOT NULL,
    kind                text        NOT NULL,
    lead_institution_id text        NOT NULL REFERENCES institution (id),
    last_event_id       uuid        NOT NULL,
    last_event_at       timestamptz NOT NULL
);

CREATE TABLE alliance_member (
    alliance_id    text    NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    institution_id text    NOT NULL REFERENCES institution (id),
    PRIMARY KEY (alliance_id, position)
);
CREATE INDEX alliance_member_institution_idx ON alliance_member (institution_id);

CREATE TABLE alliance_covered_division (
    alliance_id   text    NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    division_code text    NOT NULL,
    PRIMARY KEY (alliance_id, position)
);

CREATE TABLE alliance_collaborating_tertiary (
    alliance_id    text    NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    institution_id text    NOT NULL,
    PRIMARY KEY (alliance_id, position)
);

CREATE TABLE specialty (
    institution_id text        NOT NULL REFERENCES institution (id),
    department_id  text        NOT NULL,
    name           text        NOT NULL,
    tag            text        NOT NULL,
    last_event_id  uuid        NOT NULL,
    last_event_at  timestamptz NOT NULL,
    PRIMARY KEY (institution_id, department_id)
);
CREATE INDEX specialty_tag_idx ON specialty (tag);

CREATE TABLE guidance_catalogue_entry (
    icd10_prefix           text PRIMARY KEY,
    lowest_inpatient_level text        NOT NULL,
    primary_level_disease  boolean     NOT NULL,
    catalogue_version      text        NOT NULL,
    last_event_id          uuid        NOT NULL,
    last_event_at          timestamptz NOT NULL
);
