-- The departments the matrix states for each institution (mma.matrix.specialties: every specialty tag, ORDINARY
-- included, so the institution's department list), kept by SpecialtyConsumer. A referral names a receiving department
-- the matrix states for its receiver, once the matrix states any of that institution's (README, "Receiving
-- departments", 2026-11-25 (9)). In PostgreSQL rather than in memory like the institutions: the consumer group commits
-- its progress, so the rows must outlive the process, and every instance's intake reads the same list.
create table matrix_department (
    institution_id varchar(64) not null,
    department_id  varchar(64) not null,
    -- occurredAt of the latest statement applied (for operators; existence is what the intake reads)
    stated_at      timestamptz not null,
    primary key (institution_id, department_id)
);
