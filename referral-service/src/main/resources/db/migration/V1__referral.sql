-- One row per referral: its lifecycle state (version = optimistic lock, sent as the ETag) and the
-- shared record's fields (WS/T 483 EHR-SD-20 转诊（院）记录). Patients appear only as pseudonyms.
create table referral (
    id                       varchar(64)  primary key,
    episode_id               varchar(64)  not null,
    status                   varchar(32)  not null,
    version                  bigint       not null,
    review_required          boolean      not null,
    direction                varchar(16)  not null,
    urgency                  varchar(16)  not null,
    sender_institution_id    varchar(64)  not null,
    sender_department_id     varchar(64)  not null,
    sender_division          varchar(12)  not null,
    receiver_institution_id  varchar(64)  not null,
    receiver_department_id   varchar(64)  not null,
    receiver_division        varchar(12)  not null,
    patient_pseudonym        char(64)     not null,
    diagnosis                varchar(32)  not null,
    reason                   text         not null,
    criteria                 text         not null,
    flags                    text         not null,
    attachment_refs          text         not null,
    course_summary           text,
    treatment_plan           text,
    rehabilitation_guidance  text,
    rejection_code           varchar(32),
    rejection_reason         text,
    onward_institution_id    varchar(64),
    reservation_kind         varchar(8),
    reservation_id           varchar(64),
    appointment_at           timestamptz,
    reserved_session_date    date,
    reserved_session_period  varchar(8),
    outcome                  varchar(32),
    discharge_summary_ref    varchar(512),
    requested_at             timestamptz  not null,
    updated_at               timestamptz  not null
);
create index referral_sender on referral (sender_institution_id, requested_at desc);
create index referral_receiver on referral (receiver_institution_id, requested_at desc);
create index referral_patient on referral (patient_pseudonym);

-- The timeline: every event a referral published, in order, with who caused it.
create table referral_event (
    event_id      uuid         primary key,
    referral_id   varchar(64)  not null references referral (id),
    sequence      int          not null,
    type          varchar(64)  not null,
    occurred_at   timestamptz  not null,
    actor         varchar(200) not null,
    payload       text         not null,
    unique (referral_id, sequence)
);

-- Every read (and refused read) of a shared referral record.
create table record_access_audit (
    id           bigserial    primary key,
    referral_id  varchar(64)  not null,
    subject      varchar(200) not null,
    roles        varchar(200) not null,
    scope        varchar(200) not null,
    what         varchar(64)  not null,
    granted      boolean      not null,
    accessed_at  timestamptz  not null
);
create index record_access_audit_referral on record_access_audit (referral_id, accessed_at);
