-- The distinct items each learner visited (quiz answers aside): a projection of `activity`, written in the
-- same transaction. A batch re-derives milestones only for learners who visited something new (or answered
-- a quiz question), reading these few rows instead of their whole activity log.
CREATE TABLE visited_item (
    actor_key  varchar(300) NOT NULL,
    item_kind  varchar(16)  NOT NULL,
    item_id    varchar(200) NOT NULL,
    level      smallint,
    CONSTRAINT visited_item_unique UNIQUE NULLS NOT DISTINCT (actor_key, item_kind, item_id, level)
);

INSERT INTO visited_item (actor_key, item_kind, item_id, level)
SELECT DISTINCT actor_key, item_kind, item_id, level FROM activity WHERE quiz_id IS NULL;
