-- Graded quiz attempts from quiz.attempt-graded.v1 (event id = attempt id).
CREATE TABLE quiz_attempt (
    id              uuid         PRIMARY KEY,
    actor_key       varchar(300) NOT NULL,
    tenant          varchar(63)  NOT NULL,
    quiz_id         varchar(80)  NOT NULL,
    question_id     varchar(80)  NOT NULL,
    question_count  integer      NOT NULL,
    target_kind     varchar(16)  NOT NULL,
    target_id       varchar(80)  NOT NULL,
    level           smallint,
    attempt_number  integer      NOT NULL,
    correct         boolean      NOT NULL,
    score           double precision,
    response        varchar(1000),
    occurred_at     timestamptz  NOT NULL,
    received_at     timestamptz  NOT NULL DEFAULT clock_timestamp(),
    payload         jsonb        NOT NULL
);
CREATE INDEX quiz_attempt_actor ON quiz_attempt (actor_key);
CREATE INDEX quiz_attempt_question ON quiz_attempt (question_id);

-- Milestones from progress.milestone-reached.v1.
CREATE TABLE milestone_event (
    id           uuid         PRIMARY KEY,
    actor_key    varchar(300) NOT NULL,
    milestone    varchar(32)  NOT NULL,
    object_id    varchar(200) NOT NULL,
    occurred_at  timestamptz  NOT NULL
);
CREATE INDEX milestone_event_actor ON milestone_event (actor_key);

-- Guests who signed in (progress.guest-progress-merged.v1): their events count for the account.
CREATE TABLE actor_alias (
    guest_key    varchar(300) PRIMARY KEY,
    account_key  varchar(300) NOT NULL,
    event_id     uuid         NOT NULL
);

-- Institution (tenant) → course → cohort; instructors see the cohorts they teach.
CREATE TABLE cohort (
    id          uuid         PRIMARY KEY,
    tenant      varchar(63)  NOT NULL,
    course      varchar(80)  NOT NULL,
    name        varchar(200) NOT NULL,
    created_by  varchar(300) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant, course, name)
);
CREATE TABLE cohort_instructor (
    cohort_id       uuid         NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    instructor_key  varchar(300) NOT NULL,
    PRIMARY KEY (cohort_id, instructor_key)
);
CREATE TABLE enrolment (
    cohort_id    uuid         NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    actor_key    varchar(300) NOT NULL,
    enrolled_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort_id, actor_key)
);
CREATE INDEX enrolment_actor ON enrolment (actor_key);

-- When a learning event was stored (the statement's own time, not the transaction's), for the latency benchmark.
ALTER TABLE learning_event ALTER COLUMN received_at SET DEFAULT clock_timestamp();
