-- The course document of each release as the quiz and progress services read it: the tree that
-- content/schema/content.schema.json describes, quizzes with their questions and keys. Releases
-- imported before this table existed get their document the next time their files are imported.
CREATE TABLE content_document (
    release_id   varchar(32)  PRIMARY KEY REFERENCES content_release (id),
    document     jsonb        NOT NULL
);

-- Events waiting to be published (transactional outbox, see services/outbox): a release that became
-- active is announced in the transaction that activated it.
CREATE TABLE outbox (
    seq         bigserial    PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    topic       varchar(200) NOT NULL,
    record_key  varchar(300) NOT NULL,
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
