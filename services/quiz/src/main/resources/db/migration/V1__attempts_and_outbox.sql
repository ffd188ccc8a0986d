-- Every graded answer. The attempt number is unique per learner and question, so two concurrent
-- submissions cannot both take the last allowed attempt. The id is also the event id.
CREATE TABLE attempt (
    id              uuid         PRIMARY KEY,
    actor_key       varchar(300) NOT NULL,
    actor_id        varchar(200) NOT NULL,
    actor_kind      varchar(16)  NOT NULL,
    tenant          varchar(63)  NOT NULL,
    quiz_id         varchar(80)  NOT NULL,
    question_id     varchar(80)  NOT NULL,
    attempt_number  integer      NOT NULL,
    response        varchar(1000) NOT NULL,
    correct         boolean      NOT NULL,
    score           double precision NOT NULL,
    release_id      varchar(32)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (actor_key, question_id, attempt_number)
);
CREATE INDEX attempt_actor_quiz ON attempt (actor_key, quiz_id);

-- Events waiting to be published (transactional outbox, see services/outbox).
CREATE TABLE outbox (
    seq         bigserial    PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    topic       varchar(200) NOT NULL,
    record_key  varchar(300) NOT NULL,
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
