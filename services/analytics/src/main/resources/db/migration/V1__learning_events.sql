-- Learning events as received from gateway.learning-event-recorded.v1. The event id is the primary key:
-- a redelivered event (at-least-once delivery) is stored once.
CREATE TABLE learning_event (
    id           uuid PRIMARY KEY,
    actor_key    varchar(300) NOT NULL,
    tenant       varchar(63)  NOT NULL,
    actor_id     varchar(200) NOT NULL,
    actor_kind   varchar(16)  NOT NULL,
    verb         varchar(32)  NOT NULL,
    object_id    varchar(200) NOT NULL,
    object_type  varchar(16)  NOT NULL,
    level        smallint,
    occurred_at  timestamptz  NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now(),
    payload      jsonb        NOT NULL
);
CREATE INDEX learning_event_actor ON learning_event (actor_key, occurred_at);

-- Payloads that broke the event contract: kept for inspection, never counted.
CREATE TABLE rejected_event (
    id           bigserial PRIMARY KEY,
    topic        varchar(200) NOT NULL,
    kafka_key    varchar(300),
    problems     text         NOT NULL,
    payload      text         NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now()
);
