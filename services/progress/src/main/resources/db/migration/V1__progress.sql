-- What each learner did, one row per event (learning events and graded quiz attempts). The event id is
-- the primary key: a redelivered event is applied once. Progress is derived from these rows.
CREATE TABLE activity (
    event_id        uuid         PRIMARY KEY,
    actor_key       varchar(300) NOT NULL,
    tenant          varchar(63)  NOT NULL,
    actor_id        varchar(200) NOT NULL,
    actor_kind      varchar(16)  NOT NULL,
    verb            varchar(32)  NOT NULL,
    item_kind       varchar(16)  NOT NULL,
    item_id         varchar(200) NOT NULL,
    level           smallint,
    occurred_at     timestamptz  NOT NULL,
    duration_ms     bigint,
    quiz_id         varchar(80),
    question_id     varchar(80),
    correct         boolean,
    question_count  integer,
    pass_score      double precision,
    received_at     timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX activity_actor ON activity (actor_key, occurred_at);

-- Milestones reached (announced once each on progress.milestone-reached.v1).
CREATE TABLE milestone (
    actor_key   varchar(300) NOT NULL,
    milestone   varchar(32)  NOT NULL,
    object_id   varchar(200) NOT NULL,
    reached_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor_key, milestone, object_id)
);

-- Guests who signed in: their key maps to the account, also for their events that arrive later.
CREATE TABLE merged_actor (
    guest_key    varchar(300) PRIMARY KEY,
    account_key  varchar(300) NOT NULL,
    merged_at    timestamptz  NOT NULL DEFAULT now()
);

-- Events waiting to be published (transactional outbox, see services/outbox).
CREATE TABLE outbox (
    seq         bigserial    PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    topic       varchar(200) NOT NULL,
    record_key  varchar(300) NOT NULL,
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
