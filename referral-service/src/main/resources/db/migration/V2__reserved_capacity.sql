-- Reserved referral capacity per receiving department, derived from the capacity topic.
-- held never exceeds reserved - released_to_public: scheduling takes a slot with one conditional
-- update (held < reserved - released_to_public), so concurrent schedules cannot overbook.
create table reserved_slot_pool (
    institution_id      varchar(64) not null,
    department_id       varchar(64) not null,
    session_date        date        not null,
    period              varchar(8)  not null,
    expert              boolean     not null,
    reserved            int         not null check (reserved >= 0),
    held                int         not null default 0 check (held >= 0),
    released_to_public  int         not null default 0 check (released_to_public >= 0),
    primary key (institution_id, department_id, session_date, period)
);

create table reserved_bed_pool (
    institution_id  varchar(64) not null,
    department_id   varchar(64) not null,
    reserved        int         not null check (reserved >= 0),
    held            int         not null default 0 check (held >= 0),
    primary key (institution_id, department_id)
);

-- Capacity events already applied (the topic is at-least-once).
create table capacity_event_applied (
    event_id  uuid primary key
);
